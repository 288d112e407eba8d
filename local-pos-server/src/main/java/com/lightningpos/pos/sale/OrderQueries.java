package com.lightningpos.pos.sale;

import static com.lightningpos.db.shop.Tables.SALES_ORDERS;
import static com.lightningpos.db.shop.Tables.SALES_ORDER_ITEMS;
import static com.lightningpos.db.shop.Tables.SALES_ORDER_PAYMENTS;
import static org.jooq.impl.DSL.sum;

import com.lightningpos.db.shop.tables.SalesOrderItems;
import com.lightningpos.db.shop.tables.records.SalesOrderItemsRecord;
import com.lightningpos.db.shop.tables.records.SalesOrderPaymentsRecord;
import com.lightningpos.db.shop.tables.records.SalesOrdersRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** Reads orders with their lines, payments and how much of each line was refunded. */
@Service
public class OrderQueries {

    private static final int MAX_PAGE = 200;

    /**
     * Payments have no sequence column; SQLite's rowid keeps the order in which they were handed over
     * (their UUIDv7 ids are random within a millisecond). Worth a {@code payment_no} column one day.
     */
    private static final Field<Long> INSERTION_ORDER = DSL.field(DSL.name(SALES_ORDER_PAYMENTS.getName(), "rowid"), Long.class);

    private final DSLContext db;

    public OrderQueries(DSLContext db) {
        this.db = db;
    }

    public Optional<Order> find(String id) {
        return find(db, id);
    }

    public Optional<Order> find(DSLContext ctx, String id) {
        SalesOrdersRecord row = ctx.selectFrom(SALES_ORDERS).where(SALES_ORDERS.ID.eq(id)).fetchOne();
        return row == null ? Optional.empty() : Optional.of(assemble(ctx, List.of(row)).get(0));
    }

    /** A shop's orders, newest first; {@code q} = a receipt number. */
    public OrderPage list(String shopId, String q, int limit, int offset) {
        Condition where = SALES_ORDERS.SHOP_ID.eq(shopId);
        if (q != null && !q.isBlank()) {
            String digits = q.trim().replaceFirst("^#", "");
            where = where.and(digits.matches("\\d{1,18}") ? SALES_ORDERS.RECEIPT_NO.eq(Long.parseLong(digits))
                    : SALES_ORDERS.ID.eq(digits));
        }
        List<SalesOrdersRecord> rows = db.selectFrom(SALES_ORDERS).where(where)
                .orderBy(SALES_ORDERS.CREATED_AT.desc(), SALES_ORDERS.RECEIPT_NO.desc())
                .limit(Math.max(1, Math.min(limit, MAX_PAGE))).offset(Math.max(0, offset))
                .fetch();
        return new OrderPage(assemble(db, rows), db.fetchCount(SALES_ORDERS, where));
    }

    private static List<Order> assemble(DSLContext ctx, List<SalesOrdersRecord> orders) {
        List<String> ids = orders.stream().map(SalesOrdersRecord::getId).toList();
        Map<String, List<SalesOrderItemsRecord>> lines = ctx.selectFrom(SALES_ORDER_ITEMS)
                .where(SALES_ORDER_ITEMS.ORDER_ID.in(ids)).orderBy(SALES_ORDER_ITEMS.LINE_NO).fetch()
                .stream().collect(Collectors.groupingBy(SalesOrderItemsRecord::getOrderId));
        Map<String, List<SalesOrderPaymentsRecord>> payments = ctx.selectFrom(SALES_ORDER_PAYMENTS)
                .where(SALES_ORDER_PAYMENTS.ORDER_ID.in(ids)).orderBy(INSERTION_ORDER)
                .fetch().stream().collect(Collectors.groupingBy(SalesOrderPaymentsRecord::getOrderId));
        Map<String, Long> refunded = refundedMilli(ctx,
                lines.values().stream().flatMap(List::stream).map(SalesOrderItemsRecord::getId).toList());
        return orders.stream().map(o -> new Order(o.getId(), o.getReceiptNo(), o.getKind(), o.getStatus(),
                o.getRefundOf(), o.getCreatedAt(), o.getCashier(), o.getCashSessionId(), o.getSubtotalCents(),
                o.getDiscountCents(), o.getTaxCents(), o.getTotalCents(), o.getRoundingCents(), o.getPaidCents(),
                o.getChangeCents(), o.getVoidedAt(), o.getVoidReason(), o.getNote(),
                lines.getOrDefault(o.getId(), List.of()).stream().map(l -> line(l, refunded)).toList(),
                payments.getOrDefault(o.getId(), List.of()).stream().map(OrderQueries::payment).toList()))
                .toList();
    }

    /**
     * Per sale line, the quantity (in thousandths, positive) that refunds have given back so far.
     * Refund lines store negative quantities, hence the sign change.
     */
    static Map<String, Long> refundedMilli(DSLContext ctx, Collection<String> lineIds) {
        SalesOrderItems refund = SALES_ORDER_ITEMS.as("refund");
        Map<String, Long> result = new HashMap<>();
        ctx.select(refund.REFUNDED_LINE_ID, sum(refund.QUANTITY_MILLI))
                .from(refund).join(SALES_ORDERS).on(SALES_ORDERS.ID.eq(refund.ORDER_ID))
                .where(refund.REFUNDED_LINE_ID.in(lineIds).and(SALES_ORDERS.STATUS.eq("completed")))
                .groupBy(refund.REFUNDED_LINE_ID)
                .forEach(r -> result.put(r.value1(), -r.value2().longValue()));
        return result;
    }

    private static Order.Line line(SalesOrderItemsRecord l, Map<String, Long> refunded) {
        return new Order.Line(l.getId(), l.getLineNo(), l.getItemId(), l.getSku(), l.getBarcode(), l.getName(),
                Quantities.fromMilli(l.getQuantityMilli()), l.getUnitPriceCents(), l.getPriceOverridden(),
                l.getSubtotalCents(), l.getDiscountCents(), l.getTaxRateBp(), l.getTaxInclusive(), l.getTaxCents(),
                l.getTotalCents(), l.getRefundedLineId(), Quantities.fromMilli(refunded.getOrDefault(l.getId(), 0L)));
    }

    private static Order.Payment payment(SalesOrderPaymentsRecord p) {
        return new Order.Payment(p.getId(), p.getMethod(), p.getAmountCents(), p.getTenderedCents(), p.getChangeCents());
    }
}
