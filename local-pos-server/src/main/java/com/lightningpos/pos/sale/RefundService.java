package com.lightningpos.pos.sale;

import static com.lightningpos.db.shop.Tables.SALES_ORDER_ITEMS;

import com.lightningpos.db.shop.tables.records.SalesOrderItemsRecord;
import com.lightningpos.pos.catalog.PaymentMethod;
import com.lightningpos.pos.config.PosProperties;
import com.lightningpos.pos.shop.WriteStamps;
import com.lightningpos.pos.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Refunds part or all of a sale as a new order of kind {@code refund} with negative amounts, in one
 * transaction with its stock coming back. Quantities are capped at what was sold minus what earlier
 * refunds gave back, checked inside the write transaction so two refunds cannot both pass.
 */
@Service
public class RefundService {

    private final DSLContext db;
    private final OrderWriter writer;
    private final OrderQueries orders;
    private final WriteStamps stamps;
    private final Requests requests;
    private final long cashRoundingCents;

    RefundService(DSLContext db, OrderWriter writer, OrderQueries orders, WriteStamps stamps, Requests requests,
            PosProperties properties) {
        this.db = db;
        this.writer = writer;
        this.orders = orders;
        this.stamps = stamps;
        this.requests = requests;
        this.cashRoundingCents = Math.max(1, properties.cashRoundingCents());
    }

    public SaleResult refund(String orderId, RefundRequest request) {
        String id = Requests.orderId(request.id());
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var existing = orders.find(tx, id);
            if (existing.isPresent()) {
                if (!orderId.equals(existing.get().refundOf())) {
                    throw ApiException.conflict("id_conflict", "Id " + id + " already belongs to another order.");
                }
                return new SaleResult(existing.get(), false);
            }
            Order original = orders.find(tx, orderId)
                    .orElseThrow(() -> ApiException.notFound("not_found", "There is no order " + orderId + "."));
            if (!"sale".equals(original.kind())) {
                throw ApiException.conflict("not_refundable", "A refund cannot be refunded.");
            }
            if ("voided".equals(original.status())) {
                throw ApiException.conflict("order_voided", "Receipt " + original.receiptNo() + " was voided; nothing to refund.");
            }
            PaymentMethod method = requests.method(tx, request.method() == null ? "cash" : request.method());
            List<NewLine> lines = refundLines(tx, orderId, request.lines());
            long due = lines.stream().mapToLong(NewLine::totalCents).sum();
            Settlement settlement = Tender.payBack(due, method, cashRoundingCents);
            writer.write(tx, stamps.begin(tx),
                    new NewOrder(id, "refund", orderId, request.cashier(), request.reason(), lines, settlement));
            return new SaleResult(orders.find(tx, id).orElseThrow(), true);
        });
    }

    private List<NewLine> refundLines(DSLContext tx, String orderId, List<RefundRequest.Line> requested) {
        Map<String, SalesOrderItemsRecord> sold = new LinkedHashMap<>();
        tx.selectFrom(SALES_ORDER_ITEMS).where(SALES_ORDER_ITEMS.ORDER_ID.eq(orderId)).orderBy(SALES_ORDER_ITEMS.LINE_NO)
                .forEach(l -> sold.put(l.getId(), l));
        Map<String, Long> refunded = OrderQueries.refundedMilli(tx, sold.keySet());
        Map<String, Long> wanted = new LinkedHashMap<>();
        if (requested == null || requested.isEmpty()) {
            // No lines named: refund whatever is left on the receipt.
            sold.values().forEach(l -> wanted.put(l.getId(), l.getQuantityMilli() - refunded.getOrDefault(l.getId(), 0L)));
            wanted.values().removeIf(q -> q <= 0);
            if (wanted.isEmpty()) {
                throw ApiException.conflict("refund_exceeds_sold", "Everything on this receipt has already been refunded.");
            }
        } else {
            for (RefundRequest.Line line : requested) {
                if (line == null || line.lineId() == null || !sold.containsKey(line.lineId())) {
                    throw ApiException.unprocessable("unknown_line", "That line is not on this receipt.");
                }
                wanted.merge(line.lineId(), Quantities.toMilli(line.quantity()), Long::sum);
            }
        }
        List<NewLine> lines = new ArrayList<>();
        for (var entry : wanted.entrySet()) {
            SalesOrderItemsRecord line = sold.get(entry.getKey());
            long already = refunded.getOrDefault(line.getId(), 0L);
            long left = line.getQuantityMilli() - already;
            if (entry.getValue() > left) {
                throw ApiException.conflict("refund_exceeds_sold", "Only " + Quantities.fromMilli(Math.max(0, left))
                        .toPlainString() + " of " + line.getName() + " can still be refunded.");
            }
            lines.add(refundLine(line, already, entry.getValue()));
        }
        return lines;
    }

    /**
     * The refund's share of a sale line, as the difference of the cumulative shares before and after
     * it: however a line is refunded in parts, the parts add up to the line's amounts exactly.
     */
    private static NewLine refundLine(SalesOrderItemsRecord sold, long alreadyMilli, long quantityMilli) {
        long soldMilli = sold.getQuantityMilli();
        long after = alreadyMilli + quantityMilli;
        long subtotal = share(sold.getSubtotalCents(), alreadyMilli, after, soldMilli);
        long discount = share(sold.getDiscountCents(), alreadyMilli, after, soldMilli);
        long tax = share(sold.getTaxCents(), alreadyMilli, after, soldMilli);
        long total = subtotal - discount + (sold.getTaxInclusive() ? 0 : tax);
        return new NewLine(sold.getItemId(), sold.getSku(), sold.getBarcode(), sold.getName(), sold.getUnitPriceCents(),
                -quantityMilli, sold.getTaxRateId(), sold.getTaxRateBp(), sold.getTaxInclusive(),
                sold.getPriceOverridden(), -subtotal, -discount, -tax, -total, sold.getId());
    }

    private static long share(long amount, long fromMilli, long toMilli, long ofMilli) {
        return Money.multiplyDivide(amount, toMilli, ofMilli) - Money.multiplyDivide(amount, fromMilli, ofMilli);
    }
}
