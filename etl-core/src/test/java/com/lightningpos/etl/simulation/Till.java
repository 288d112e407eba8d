package com.lightningpos.etl.simulation;

import static com.lightningpos.db.shop.Tables.CASH_MOVEMENTS;
import static com.lightningpos.db.shop.Tables.CASH_SESSIONS;
import static com.lightningpos.db.shop.Tables.CATEGORIES;
import static com.lightningpos.db.shop.Tables.EXPENSES;
import static com.lightningpos.db.shop.Tables.ITEMS;
import static com.lightningpos.db.shop.Tables.RECEIPT_COUNTERS;
import static com.lightningpos.db.shop.Tables.SALES_ORDERS;
import static com.lightningpos.db.shop.Tables.SALES_ORDER_ITEMS;
import static com.lightningpos.db.shop.Tables.SALES_ORDER_PAYMENTS;
import static com.lightningpos.db.shop.Tables.STOCK_MOVEMENTS;
import static com.lightningpos.db.shop.Tables.SYNC_CONTEXT;
import static com.lightningpos.db.shop.Tables.TAX_RATES;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The cashiers and the shop manager: local writes as the till server makes them, each in one
 * SQLite transaction that first stamps {@code sync_context.hlc} (the till's {@code WriteStamps}),
 * so the capture triggers put the outbox rows in the same transaction. A sale takes its receipt
 * number from {@code receipt_counters} inside its transaction (the till's {@code OrderWriter}).
 * No write ever needs the network: one that fails other than by a simulated crash is a violation.
 */
final class Till {

    private record Line(String itemId, String sku, String name, long unitPrice, long quantityMilli, String taxRateId,
                        int taxBp, String refundedLineId) {
        long total() {
            return unitPrice * quantityMilli / 1000;
        }

        long tax() {
            return total() * taxBp / (10_000 + taxBp);
        }
    }

    /** A write whose commit the crash may or may not have let through; settled after restart. */
    private record InDoubt(Ledger.Order order, boolean isVoid) {
    }

    private static final String[] EXPENSE_CATEGORIES = {"cleaning", "supplies", "repairs", "delivery"};

    private final SimShop shop;
    private final Ledger ledger;
    private final Stats stats;
    private final Violations violations;
    private final RandomGenerator random;
    private final List<String> hotItems;
    private InDoubt inDoubt;

    Till(SimShop shop, Ledger ledger, Stats stats, Violations violations, RandomGenerator random, List<String> hotItems) {
        this.shop = shop;
        this.ledger = ledger;
        this.stats = stats;
        this.violations = violations;
        this.random = random;
        this.hotItems = hotItems;
    }

    /** One thing happens at the till; throws only when the shop crashed doing it. */
    void act() {
        double r = random.nextDouble();
        if (r < 0.60) {
            guarded("no-sale-rejected", "a sale", this::sell);
        } else if (r < 0.66) {
            guarded("no-sale-rejected", "a refund", this::refund);
        } else if (r < 0.71) {
            guarded("local-write", "a void", this::voidSale);
        } else if (r < 0.77) {
            guarded("local-write", "an expense", this::expense);
        } else if (r < 0.85) {
            guarded("local-write", "a cash session change", this::cashSession);
        } else {
            guarded("local-write", "a catalog edit", this::editCatalog);
        }
    }

    private void guarded(String invariant, String what, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            if (shop.crash.fired()) {
                throw e;
            }
            inDoubt = null;
            violations.add(invariant, what + " was refused at shop " + shop.name + ": " + e);
        }
    }

    /** After a restart: did the write that was cut short commit? The database says. */
    void settleInDoubt() {
        InDoubt pending = inDoubt;
        inDoubt = null;
        if (pending == null) {
            return;
        }
        DSLContext db = shop.db();
        Ledger.Order o = pending.order();
        if (pending.isVoid()) {
            String status = db.select(SALES_ORDERS.STATUS).from(SALES_ORDERS).where(SALES_ORDERS.ID.eq(o.id)).fetchOne(SALES_ORDERS.STATUS);
            if ("voided".equals(status)) {
                o.voided = true;
                stats.add("till.voids");
            }
            return;
        }
        Long receipt = db.select(SALES_ORDERS.RECEIPT_NO).from(SALES_ORDERS).where(SALES_ORDERS.ID.eq(o.id)).fetchOne(SALES_ORDERS.RECEIPT_NO);
        if (receipt != null) {
            stats.add("till.committed_unseen");
            ledger.committed(new Ledger.Order(o.shopId, o.id, receipt, o.kind, o.refundOf, o.totalCents, o.lines, o.paidCents));
        }
    }

    void sell() {
        List<Line> lines = pickLines();
        String orderId = shop.ids().next().toString();
        long total = lines.stream().mapToLong(Line::total).sum();
        long[] paid = new long[1];
        long[] receipt = new long[1];
        Ledger.Order planned = new Ledger.Order(shop.id, orderId, -1, "sale", null, total, lines.size(), total);
        inDoubt = new InDoubt(planned, false);
        shop.db().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String at = stamp(tx).at();
            receipt[0] = nextReceiptNo(tx);
            paid[0] = writeOrder(tx, orderId, "sale", null, receipt[0], lines, at);
        });
        inDoubt = null;
        stats.add("till.sales");
        ledger.committed(new Ledger.Order(shop.id, orderId, receipt[0], "sale", null, total, lines.size(), paid[0]));
    }

    private void refund() {
        Ledger.Order original = pick(o -> o.kind.equals("sale") && !o.voided && !o.refunded);
        if (original == null) {
            return;
        }
        List<Line> lines = new ArrayList<>();
        for (Record l : shop.db().selectFrom(SALES_ORDER_ITEMS).where(SALES_ORDER_ITEMS.ORDER_ID.eq(original.id))
                .orderBy(SALES_ORDER_ITEMS.LINE_NO).fetch()) {
            lines.add(new Line(l.get(SALES_ORDER_ITEMS.ITEM_ID), l.get(SALES_ORDER_ITEMS.SKU), l.get(SALES_ORDER_ITEMS.NAME),
                    l.get(SALES_ORDER_ITEMS.UNIT_PRICE_CENTS), -l.get(SALES_ORDER_ITEMS.QUANTITY_MILLI),
                    l.get(SALES_ORDER_ITEMS.TAX_RATE_ID), l.get(SALES_ORDER_ITEMS.TAX_RATE_BP), l.get(SALES_ORDER_ITEMS.ID)));
        }
        String orderId = shop.ids().next().toString();
        long total = lines.stream().mapToLong(Line::total).sum();
        long[] receipt = new long[1];
        inDoubt = new InDoubt(new Ledger.Order(shop.id, orderId, -1, "refund", original.id, total, lines.size(), total), false);
        shop.db().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String at = stamp(tx).at();
            receipt[0] = nextReceiptNo(tx);
            writeOrder(tx, orderId, "refund", original.id, receipt[0], lines, at);
        });
        inDoubt = null;
        stats.add("till.refunds");
        ledger.committed(new Ledger.Order(shop.id, orderId, receipt[0], "refund", original.id, total, lines.size(), total));
    }

    private void voidSale() {
        Ledger.Order order = pick(o -> o.kind.equals("sale") && !o.voided && !o.refunded);
        if (order == null) {
            return;
        }
        inDoubt = new InDoubt(order, true);
        shop.db().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String at = stamp(tx).at();
            tx.update(SALES_ORDERS).set(SALES_ORDERS.STATUS, "voided").set(SALES_ORDERS.VOIDED_AT, at)
                    .set(SALES_ORDERS.VOID_REASON, "customer changed their mind").where(SALES_ORDERS.ID.eq(order.id)).execute();
            for (Record l : tx.select(SALES_ORDER_ITEMS.ITEM_ID, SALES_ORDER_ITEMS.QUANTITY_MILLI).from(SALES_ORDER_ITEMS)
                    .where(SALES_ORDER_ITEMS.ORDER_ID.eq(order.id), SALES_ORDER_ITEMS.ITEM_ID.isNotNull()).fetch()) {
                stock(tx, l.get(SALES_ORDER_ITEMS.ITEM_ID), l.get(SALES_ORDER_ITEMS.QUANTITY_MILLI), "void", order.id, at);
            }
        });
        inDoubt = null;
        order.voided = true;
        stats.add("till.voids");
    }

    private void expense() {
        shop.db().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String at = stamp(tx).at();
            String session = openSession(tx);
            tx.insertInto(EXPENSES).set(EXPENSES.ID, shop.ids().next().toString()).set(EXPENSES.SHOP_ID, shop.id)
                    .set(EXPENSES.CASH_SESSION_ID, session)
                    .set(EXPENSES.CATEGORY, EXPENSE_CATEGORIES[random.nextInt(EXPENSE_CATEGORIES.length)])
                    .set(EXPENSES.AMOUNT_CENTS, random.nextLong(100, 5_000)).set(EXPENSES.PAID_FROM_TILL, session != null)
                    .set(EXPENSES.CREATED_AT, at).set(EXPENSES.CREATED_BY, "manager").execute();
        });
        stats.add("till.expenses");
    }

    private void cashSession() {
        boolean move = random.nextBoolean();
        shop.db().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String at = stamp(tx).at();
            String session = openSession(tx);
            if (session == null) {
                tx.insertInto(CASH_SESSIONS).set(CASH_SESSIONS.ID, shop.ids().next().toString()).set(CASH_SESSIONS.SHOP_ID, shop.id)
                        .set(CASH_SESSIONS.STATUS, "open").set(CASH_SESSIONS.OPENED_AT, at).set(CASH_SESSIONS.OPENED_BY, "anna")
                        .set(CASH_SESSIONS.OPENING_FLOAT_CENTS, random.nextLong(5_000, 20_000)).execute();
                stats.add("till.sessions_opened");
            } else if (move) {
                tx.insertInto(CASH_MOVEMENTS).set(CASH_MOVEMENTS.ID, shop.ids().next().toString()).set(CASH_MOVEMENTS.SHOP_ID, shop.id)
                        .set(CASH_MOVEMENTS.CASH_SESSION_ID, session).set(CASH_MOVEMENTS.KIND, random.nextBoolean() ? "in" : "out")
                        .set(CASH_MOVEMENTS.AMOUNT_CENTS, random.nextLong(500, 10_000)).set(CASH_MOVEMENTS.REASON, "change for the till")
                        .set(CASH_MOVEMENTS.CREATED_AT, at).set(CASH_MOVEMENTS.CREATED_BY, "anna").execute();
                stats.add("till.cash_movements");
            } else {
                long expected = tx.select(CASH_SESSIONS.OPENING_FLOAT_CENTS).from(CASH_SESSIONS).where(CASH_SESSIONS.ID.eq(session))
                        .fetchOne(CASH_SESSIONS.OPENING_FLOAT_CENTS);
                long counted = expected + random.nextLong(-200, 201);
                tx.update(CASH_SESSIONS).set(CASH_SESSIONS.STATUS, "closed").set(CASH_SESSIONS.CLOSED_AT, at)
                        .set(CASH_SESSIONS.CLOSED_BY, "anna").set(CASH_SESSIONS.EXPECTED_CASH_CENTS, expected)
                        .set(CASH_SESSIONS.COUNTED_CASH_CENTS, counted).set(CASH_SESSIONS.DIFFERENCE_CENTS, counted - expected)
                        .where(CASH_SESSIONS.ID.eq(session)).execute();
                stats.add("till.sessions_closed");
            }
        });
    }

    /**
     * A manager's catalog edit, as the till's item editor makes it: new values, {@code version + 1},
     * {@code last_modified_at} = this shop's HLC, {@code last_modified_shop_id} = this shop. Hot
     * items are edited everywhere, to force concurrent edits.
     */
    private void editCatalog() {
        double r = random.nextDouble();
        shop.db().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String hlc = stamp(tx).hlc();
            if (r < 0.12) {
                List<String> categories = tx.select(CATEGORIES.ID).from(CATEGORIES).where(CATEGORIES.DELETED.isFalse())
                        .orderBy(CATEGORIES.ID).fetch(CATEGORIES.ID);
                if (!categories.isEmpty()) {
                    tx.update(CATEGORIES).set(CATEGORIES.NAME, "Category " + shop.name + "-" + random.nextInt(1000))
                            .set(CATEGORIES.VERSION, CATEGORIES.VERSION.plus(1)).set(CATEGORIES.LAST_MODIFIED_AT, hlc)
                            .set(CATEGORIES.LAST_MODIFIED_SHOP_ID, shop.id)
                            .where(CATEGORIES.ID.eq(categories.get(random.nextInt(categories.size())))).execute();
                }
            } else if (r < 0.24) {
                String id = shop.ids().next().toString();
                tx.insertInto(ITEMS).set(ITEMS.ID, id).set(ITEMS.SKU, "S-" + id.substring(0, 8))
                        .set(ITEMS.NAME, "Local special " + random.nextInt(1000)).set(ITEMS.PRICE_CENTS, random.nextLong(50, 3_000))
                        .set(ITEMS.UNIT, "each").set(ITEMS.ACTIVE, true).set(ITEMS.ORIGIN_SHOP_ID, shop.id)
                        .set(ITEMS.LAST_MODIFIED_SHOP_ID, shop.id).set(ITEMS.LAST_MODIFIED_AT, hlc).set(ITEMS.VERSION, 1)
                        .set(ITEMS.DELETED, false).execute();
            } else {
                String item = random.nextBoolean() && !hotItems.isEmpty() ? hotItems.get(random.nextInt(hotItems.size())) : null;
                if (item == null || !tx.fetchExists(ITEMS, ITEMS.ID.eq(item).and(ITEMS.DELETED.isFalse()))) {
                    List<String> items = tx.select(ITEMS.ID).from(ITEMS).where(ITEMS.DELETED.isFalse()).orderBy(ITEMS.ID).fetch(ITEMS.ID);
                    item = items.isEmpty() ? null : items.get(random.nextInt(items.size()));
                }
                if (item != null) {
                    var update = tx.update(ITEMS).set(ITEMS.PRICE_CENTS, random.nextLong(50, 5_000));
                    if (random.nextInt(4) == 0) {
                        update = update.set(ITEMS.NAME, "Item renamed at " + shop.name + " " + random.nextInt(1000));
                    }
                    update.set(ITEMS.VERSION, ITEMS.VERSION.plus(1)).set(ITEMS.LAST_MODIFIED_AT, hlc)
                            .set(ITEMS.LAST_MODIFIED_SHOP_ID, shop.id).where(ITEMS.ID.eq(item)).execute();
                }
            }
        });
        stats.add("till.catalog_edits");
    }

    private List<Line> pickLines() {
        var items = shop.db().select(ITEMS.ID, ITEMS.SKU, ITEMS.NAME, ITEMS.PRICE_CENTS, ITEMS.TAX_RATE_ID, TAX_RATES.RATE_BP)
                .from(ITEMS).leftJoin(TAX_RATES).on(TAX_RATES.ID.eq(ITEMS.TAX_RATE_ID))
                .where(ITEMS.DELETED.isFalse(), ITEMS.ACTIVE.isTrue()).orderBy(ITEMS.ID).fetch();
        List<Line> lines = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            long quantity = 1_000L * (1 + random.nextInt(3));
            if (items.isEmpty()) {
                lines.add(new Line(null, null, "Misc", random.nextLong(50, 2_000), quantity, null, 0, null));
            } else {
                var item = items.get(random.nextInt(items.size()));
                Integer bp = item.get(TAX_RATES.RATE_BP);
                lines.add(new Line(item.get(ITEMS.ID), item.get(ITEMS.SKU), item.get(ITEMS.NAME), item.get(ITEMS.PRICE_CENTS),
                        quantity, item.get(ITEMS.TAX_RATE_ID), bp == null ? 0 : bp, null));
            }
        }
        return lines;
    }

    /** Order, lines, payments and stock movements; returns the amount paid. */
    private long writeOrder(DSLContext tx, String orderId, String kind, String refundOf, long receiptNo, List<Line> lines, String at) {
        long total = lines.stream().mapToLong(Line::total).sum();
        long tax = lines.stream().mapToLong(Line::tax).sum();
        List<long[]> payments = payments(total); // amount, tendered, change
        long paid = payments.stream().mapToLong(p -> p[0]).sum();
        long change = payments.stream().mapToLong(p -> p[2]).sum();
        tx.insertInto(SALES_ORDERS).set(SALES_ORDERS.ID, orderId).set(SALES_ORDERS.SHOP_ID, shop.id)
                .set(SALES_ORDERS.RECEIPT_NO, receiptNo).set(SALES_ORDERS.KIND, kind).set(SALES_ORDERS.STATUS, "completed")
                .set(SALES_ORDERS.REFUND_OF, refundOf).set(SALES_ORDERS.CASH_SESSION_ID, openSession(tx))
                .set(SALES_ORDERS.CASHIER, "anna").set(SALES_ORDERS.SUBTOTAL_CENTS, total - tax).set(SALES_ORDERS.DISCOUNT_CENTS, 0L)
                .set(SALES_ORDERS.TAX_CENTS, tax).set(SALES_ORDERS.TOTAL_CENTS, total).set(SALES_ORDERS.ROUNDING_CENTS, 0L)
                .set(SALES_ORDERS.PAID_CENTS, paid).set(SALES_ORDERS.CHANGE_CENTS, change).set(SALES_ORDERS.CREATED_AT, at)
                .execute();
        int lineNo = 1;
        for (Line line : lines) {
            tx.insertInto(SALES_ORDER_ITEMS).set(SALES_ORDER_ITEMS.ID, shop.ids().next().toString())
                    .set(SALES_ORDER_ITEMS.SHOP_ID, shop.id).set(SALES_ORDER_ITEMS.ORDER_ID, orderId)
                    .set(SALES_ORDER_ITEMS.LINE_NO, lineNo++).set(SALES_ORDER_ITEMS.ITEM_ID, line.itemId())
                    .set(SALES_ORDER_ITEMS.SKU, line.sku()).set(SALES_ORDER_ITEMS.NAME, line.name())
                    .set(SALES_ORDER_ITEMS.UNIT_PRICE_CENTS, line.unitPrice()).set(SALES_ORDER_ITEMS.QUANTITY_MILLI, line.quantityMilli())
                    .set(SALES_ORDER_ITEMS.TAX_RATE_ID, line.taxRateId()).set(SALES_ORDER_ITEMS.TAX_RATE_BP, line.taxBp())
                    .set(SALES_ORDER_ITEMS.TAX_INCLUSIVE, true).set(SALES_ORDER_ITEMS.PRICE_OVERRIDDEN, false)
                    .set(SALES_ORDER_ITEMS.DISCOUNT_CENTS, 0L).set(SALES_ORDER_ITEMS.SUBTOTAL_CENTS, line.total() - line.tax())
                    .set(SALES_ORDER_ITEMS.TAX_CENTS, line.tax()).set(SALES_ORDER_ITEMS.TOTAL_CENTS, line.total())
                    .set(SALES_ORDER_ITEMS.REFUNDED_LINE_ID, line.refundedLineId()).execute();
            if (line.itemId() != null) {
                stock(tx, line.itemId(), -line.quantityMilli(), kind, orderId, at);
            }
        }
        for (long[] p : payments) {
            tx.insertInto(SALES_ORDER_PAYMENTS).set(SALES_ORDER_PAYMENTS.ID, shop.ids().next().toString())
                    .set(SALES_ORDER_PAYMENTS.SHOP_ID, shop.id).set(SALES_ORDER_PAYMENTS.ORDER_ID, orderId)
                    .set(SALES_ORDER_PAYMENTS.METHOD, p[3] == 0 ? "cash" : "card").set(SALES_ORDER_PAYMENTS.AMOUNT_CENTS, p[0])
                    .set(SALES_ORDER_PAYMENTS.TENDERED_CENTS, p[1]).set(SALES_ORDER_PAYMENTS.CHANGE_CENTS, p[2])
                    .set(SALES_ORDER_PAYMENTS.CREATED_AT, at).execute();
        }
        return paid;
    }

    /** Cash (rounded-up notes, change given), card, or both; a refund is paid back in cash. */
    private List<long[]> payments(long total) {
        if (total <= 0) {
            return List.of(new long[] {total, total, 0, 0});
        }
        double r = random.nextDouble();
        if (r < 0.5) {
            long tendered = (total + 499) / 500 * 500;
            return List.of(new long[] {total, tendered, tendered - total, 0});
        }
        if (r < 0.85) {
            return List.of(new long[] {total, total, 0, 1});
        }
        long card = total / 2;
        return List.of(new long[] {card, card, 0, 1}, new long[] {total - card, total - card, 0, 0});
    }

    private void stock(DSLContext tx, String itemId, long delta, String reason, String refId, String at) {
        tx.insertInto(STOCK_MOVEMENTS).set(STOCK_MOVEMENTS.ID, shop.ids().next().toString()).set(STOCK_MOVEMENTS.SHOP_ID, shop.id)
                .set(STOCK_MOVEMENTS.ITEM_ID, itemId).set(STOCK_MOVEMENTS.DELTA_MILLI, delta).set(STOCK_MOVEMENTS.REASON, reason)
                .set(STOCK_MOVEMENTS.REF_ID, refId).set(STOCK_MOVEMENTS.CREATED_AT, at).execute();
    }

    /** The till's WriteStamps.begin: the HLC the capture triggers copy into the outbox rows, and the wall time. */
    private Stamp stamp(DSLContext tx) {
        String hlc = shop.hlc().now().encode();
        tx.update(SYNC_CONTEXT).set(SYNC_CONTEXT.HLC, hlc).where(SYNC_CONTEXT.ID.eq(1)).execute();
        return new Stamp(hlc, shop.clock.instant().toString());
    }

    private record Stamp(String hlc, String at) {
    }

    private String openSession(DSLContext tx) {
        return tx.select(CASH_SESSIONS.ID).from(CASH_SESSIONS)
                .where(CASH_SESSIONS.SHOP_ID.eq(shop.id), CASH_SESSIONS.STATUS.eq("open")).limit(1).fetchOne(CASH_SESSIONS.ID);
    }

    /** As the till's OrderWriter: unique and gap-free, since a rolled-back sale rolls back its number. */
    private long nextReceiptNo(DSLContext tx) {
        tx.insertInto(RECEIPT_COUNTERS).set(RECEIPT_COUNTERS.SHOP_ID, shop.id).set(RECEIPT_COUNTERS.LAST_NO, 1L)
                .onConflict(RECEIPT_COUNTERS.SHOP_ID).doUpdate().set(RECEIPT_COUNTERS.LAST_NO, RECEIPT_COUNTERS.LAST_NO.plus(1L))
                .execute();
        return tx.select(RECEIPT_COUNTERS.LAST_NO).from(RECEIPT_COUNTERS).where(RECEIPT_COUNTERS.SHOP_ID.eq(shop.id))
                .fetchSingle(RECEIPT_COUNTERS.LAST_NO);
    }

    private Ledger.Order pick(java.util.function.Predicate<Ledger.Order> which) {
        List<Ledger.Order> candidates = ledger.of(shop.id).stream().filter(which).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }
}
