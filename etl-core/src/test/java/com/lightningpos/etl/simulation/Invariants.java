package com.lightningpos.etl.simulation;

import static com.lightningpos.db.shop.Tables.REPLICA_INBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_QUARANTINE;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.change.TableChecksum;
import com.lightningpos.etl.sync.replica.QuarantinedRow;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The end-of-run checks, on a quiet system. Sales: every order a till committed is in PostgreSQL
 * exactly once with the same receipt number, status, total, line count and sum, payment count and
 * sum; nothing else is there; every order the cashiers saw committed is still in the till's file;
 * receipt numbers are 1..n. Other shop-owned rows (sessions, cash movements, expenses, stock) are
 * in PostgreSQL as at the shop. Isolation: no till file and no replica holds another shop's rows.
 * Replicas: an exact copy of their shop (checksums of every synced table), nothing quarantined,
 * every acknowledged outbox row applied once. Outboxes drained. The catalog checks are in
 * {@link CatalogInvariants}.
 */
final class Invariants {

    static final String ORDER_SUMMARY = "select cast(o.id as text), o.receipt_no, o.kind, o.status, o.total_cents,"
            + " (select count(*) from sales_order_items i where i.order_id = o.id),"
            + " (select coalesce(sum(i.total_cents), 0) from sales_order_items i where i.order_id = o.id),"
            + " (select count(*) from sales_order_payments p where p.order_id = o.id),"
            + " (select coalesce(sum(p.amount_cents), 0) from sales_order_payments p where p.order_id = o.id)"
            + " from sales_orders o where cast(o.shop_id as text) = ?";

    /** Other shop-owned tables and the columns compared for each row. */
    private static final Map<String, String> OTHER_OWNED = Map.of(
            "cash_sessions", "status, opening_float_cents, counted_cash_cents",
            "cash_movements", "kind, amount_cents",
            "expenses", "category, amount_cents",
            "stock_movements", "delta_milli, reason");

    private final List<SimShop> shops;
    private final SimHub hub;
    private final DSLContext postgres;
    private final Ledger ledger;
    private final Violations violations;
    private final Stats stats;

    Invariants(List<SimShop> shops, SimHub hub, DSLContext postgres, Ledger ledger, Violations violations, Stats stats) {
        this.shops = shops;
        this.hub = hub;
        this.postgres = postgres;
        this.ledger = ledger;
        this.violations = violations;
        this.stats = stats;
    }

    void checkAll() {
        for (SimShop shop : shops) {
            DSLContext till = shop.inspect();
            DSLContext replica = hub.replicas().dsl(shop.id);
            sales(shop, till);
            otherShopOwnedRows(shop, till);
            isolation(shop, till, "till file");
            isolation(shop, replica, "replica");
            outboxes(shop, till, replica);
            replicaIsACopy(shop, till, replica);
        }
        noGhostSales();
        new CatalogInvariants(shops, hub, postgres, violations, stats).checkAll();
    }

    record OrderSummary(String id, long receiptNo, String kind, String status, long total, long lines, long lineSum,
                        long payments, long paymentSum) {
    }

    static Map<String, OrderSummary> orders(DSLContext db, String shopId) {
        Map<String, OrderSummary> orders = new LinkedHashMap<>();
        for (Record r : db.fetch(ORDER_SUMMARY, shopId)) {
            orders.put(r.get(0, String.class), new OrderSummary(r.get(0, String.class), num(r.get(1)), r.get(2, String.class),
                    r.get(3, String.class), num(r.get(4)), num(r.get(5)), num(r.get(6)), num(r.get(7)), num(r.get(8))));
        }
        return orders;
    }

    private void sales(SimShop shop, DSLContext till) {
        Map<String, OrderSummary> atShop = orders(till, shop.id);
        Map<String, OrderSummary> atHub = orders(postgres, shop.id);
        stats.add("end.orders", atShop.size());
        for (OrderSummary o : atShop.values()) {
            OrderSummary h = atHub.get(o.id());
            if (h == null) {
                violations.add("sales-reach-hub", "order " + o.id() + " (receipt " + o.receiptNo() + ") of shop " + shop.name
                        + " is not in PostgreSQL");
            } else if (!h.equals(o)) {
                violations.add("sales-identical", "order " + o.id() + " of shop " + shop.name + " differs: till " + o + ", hub " + h);
            }
        }
        atHub.keySet().stream().filter(id -> !atShop.containsKey(id)).limit(5).forEach(id -> violations.add("sales-exactly-once",
                "PostgreSQL has order " + id + " under shop " + shop.name + " that the till does not have"));
        for (Ledger.Order seen : ledger.of(shop.id)) {
            OrderSummary o = atShop.get(seen.id);
            String status = seen.voided ? "voided" : "completed";
            if (o == null) {
                violations.add("sales-durable", "order " + seen.id + " (receipt " + seen.receiptNo + ") that shop " + shop.name
                        + " confirmed is missing from its file");
            } else if (o.receiptNo() != seen.receiptNo || !o.kind().equals(seen.kind) || !o.status().equals(status)
                    || o.total() != seen.totalCents || o.lines() != seen.lines || o.paymentSum() != seen.paidCents) {
                violations.add("sales-durable", "order " + seen.id + " of shop " + shop.name + " is not as the till confirmed it: "
                        + o + " vs receipt " + seen.receiptNo + " " + seen.kind + " " + status + " total " + seen.totalCents);
            }
        }
        List<Long> receipts = atShop.values().stream().map(OrderSummary::receiptNo).sorted().toList();
        for (int i = 0; i < receipts.size(); i++) {
            if (receipts.get(i) != i + 1) {
                violations.add("receipt-unique", "shop " + shop.name + "'s receipt numbers are not 1.." + receipts.size()
                        + " without gaps: " + receipts.subList(Math.max(0, i - 2), Math.min(receipts.size(), i + 3)));
                break;
            }
        }
    }

    private void otherShopOwnedRows(SimShop shop, DSLContext till) {
        for (var table : new TreeSet<>(OTHER_OWNED.keySet())) {
            String sql = "select cast(id as text), " + OTHER_OWNED.get(table) + " from " + table + " where cast(shop_id as text) = ?";
            Map<String, String> atShop = rows(till, sql, shop.id);
            Map<String, String> atHub = rows(postgres, sql, shop.id);
            if (!atShop.equals(atHub)) {
                Set<String> differing = new TreeSet<>(atShop.keySet());
                differing.addAll(atHub.keySet());
                differing.removeIf(id -> Objects.equals(atShop.get(id), atHub.get(id)));
                violations.add("shop-rows-reach-hub", table + " of shop " + shop.name + ": " + differing.size()
                        + " row(s) differ between till and PostgreSQL, e.g. " + differing.stream().limit(3)
                        .map(id -> id + " till=" + atShop.get(id) + " hub=" + atHub.get(id)).collect(Collectors.joining(", ")));
            }
        }
    }

    private void isolation(SimShop shop, DSLContext db, String where) {
        for (SyncedTable table : SyncedTable.shopOwned()) {
            int foreign = db.fetchCount(db.selectFrom(table.shopTable()).where("shop_id <> ?", shop.id));
            if (foreign > 0) {
                violations.add("no-foreign-sales", "the " + where + " of shop " + shop.name + " holds " + foreign + " "
                        + table.tableName() + " row(s) of other shops");
            }
        }
    }

    private void outboxes(SimShop shop, DSLContext till, DSLContext replica) {
        int pending = till.fetchCount(SYNC_CHANGES, SYNC_CHANGES.SYNC_STATUS.eq("pending"));
        if (pending > 0) {
            violations.add("outbox-drained", "shop " + shop.name + " still has " + pending + " pending outbox rows");
        }
        int captured = replica.fetchCount(SYNC_CHANGES);
        if (captured > 0) {
            violations.add("no-capture-of-remote-rows", "the replica of shop " + shop.name + " captured " + captured
                    + " change(s) into its own outbox");
        }
    }

    private void replicaIsACopy(SimShop shop, DSLContext till, DSLContext replica) {
        List<QuarantinedRow> quarantined = hub.replicas().quarantine(shop.id, false);
        for (QuarantinedRow q : quarantined.subList(0, Math.min(5, quarantined.size()))) {
            violations.add("nothing-quarantined", "shop " + shop.name + "'s row seq " + q.shopSeq() + " (" + q.table() + " "
                    + q.recordId() + ") was quarantined: " + q.reason());
        }
        Set<Long> acked = new HashSet<>(till.select(SYNC_CHANGES.SEQ).from(SYNC_CHANGES)
                .where(SYNC_CHANGES.SYNC_STATUS.eq("synced")).fetch(SYNC_CHANGES.SEQ));
        // A change the shop settled as lost may still have reached the hub (its ack was lost before the pull that settled it).
        Set<Long> settledLocally = new HashSet<>(till.select(SYNC_CHANGES.SEQ).from(SYNC_CHANGES)
                .where(SYNC_CHANGES.SYNC_STATUS.eq("conflict")).fetch(SYNC_CHANGES.SEQ));
        Set<Long> stored = new HashSet<>(replica.select(REPLICA_INBOUND_LOG.SEQ).from(REPLICA_INBOUND_LOG).fetch(REPLICA_INBOUND_LOG.SEQ));
        stored.addAll(replica.select(REPLICA_QUARANTINE.SHOP_SEQ).from(REPLICA_QUARANTINE).fetch(REPLICA_QUARANTINE.SHOP_SEQ));
        Set<Long> missing = new TreeSet<>(acked);
        missing.removeAll(stored);
        Set<Long> extra = new TreeSet<>(stored);
        extra.removeAll(acked);
        extra.removeAll(settledLocally);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            violations.add("acked-means-stored", "shop " + shop.name + ": acknowledged but not in the replica " + head(missing)
                    + ", in the replica but not acknowledged " + head(extra));
        }
        for (SyncedTable table : SyncedTable.values()) {
            var mine = TableChecksum.of(till, table);
            var copy = TableChecksum.of(replica, table);
            if (!mine.equals(copy)) {
                violations.add("replica-is-a-copy", "table " + table.tableName() + " of shop " + shop.name + ": till " + mine.rows()
                        + " rows " + mine.checksum() + ", replica " + copy.rows() + " rows " + copy.checksum());
            }
        }
    }

    private void noGhostSales() {
        Set<String> known = shops.stream().map(s -> s.id).collect(Collectors.toSet());
        for (Record r : postgres.fetch("select cast(shop_id as text), count(*) from sales_orders group by shop_id")) {
            if (!known.contains(r.get(0, String.class))) {
                violations.add("sales-exactly-once", "PostgreSQL holds " + r.get(1) + " orders of unknown shop " + r.get(0));
            }
        }
    }

    static Map<String, String> rows(DSLContext db, String sql, Object... binds) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (Record r : db.fetch(sql, binds)) {
            StringBuilder value = new StringBuilder();
            for (int i = 1; i < r.size(); i++) {
                value.append(i > 1 ? "|" : "").append(normal(r.get(i)));
            }
            rows.put(r.get(0, String.class), value.toString());
        }
        return rows;
    }

    /** One text for a value read from SQLite or PostgreSQL (flags as 0/1, numbers without type). */
    static String normal(Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Number n) {
            return Long.toString(n.longValue());
        }
        return String.valueOf(value);
    }

    private static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String head(Set<Long> seqs) {
        return seqs.stream().limit(8).map(String::valueOf).collect(Collectors.joining(",", "[", seqs.size() > 8 ? ",…]" : "]"));
    }
}
