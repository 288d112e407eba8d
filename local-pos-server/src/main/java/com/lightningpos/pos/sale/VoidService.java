package com.lightningpos.pos.sale;

import static com.lightningpos.db.shop.Tables.SALES_ORDERS;

import com.lightningpos.pos.shop.WriteStamp;
import com.lightningpos.pos.shop.WriteStamps;
import com.lightningpos.pos.web.ApiException;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Voids a sale: it stays on record with status {@code voided} (receipt numbers stay gap-free) and
 * its goods go back into stock. A refund, or a sale that has refunds, cannot be voided: the money
 * already went back once. Voiding a voided sale again answers the voided sale (safe to retry).
 */
@Service
public class VoidService {

    private final DSLContext db;
    private final OrderWriter writer;
    private final OrderQueries orders;
    private final WriteStamps stamps;

    VoidService(DSLContext db, OrderWriter writer, OrderQueries orders, WriteStamps stamps) {
        this.db = db;
        this.writer = writer;
        this.orders = orders;
        this.stamps = stamps;
    }

    public Order voidOrder(String orderId, VoidRequest request) {
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Order order = orders.find(tx, orderId)
                    .orElseThrow(() -> ApiException.notFound("not_found", "There is no order " + orderId + "."));
            if ("refund".equals(order.kind())) {
                throw ApiException.conflict("cannot_void_refund", "A refund cannot be voided.");
            }
            if ("voided".equals(order.status())) {
                return order;
            }
            if (tx.fetchExists(SALES_ORDERS, SALES_ORDERS.REFUND_OF.eq(orderId))) {
                throw ApiException.conflict("order_has_refunds",
                        "Receipt " + order.receiptNo() + " has refunds and cannot be voided; refund the rest instead.");
            }
            WriteStamp stamp = stamps.begin(tx);
            tx.update(SALES_ORDERS)
                    .set(SALES_ORDERS.STATUS, "voided")
                    .set(SALES_ORDERS.VOIDED_AT, stamp.at())
                    .set(SALES_ORDERS.VOID_REASON, request == null ? null : request.reason())
                    .where(SALES_ORDERS.ID.eq(orderId))
                    .execute();
            for (Order.Line line : order.lines()) {
                if (line.itemId() != null) {
                    writer.addStock(tx, stamp, line.itemId(), line.quantity().movePointRight(3).longValueExact(), "void", orderId);
                }
            }
            return orders.find(tx, orderId).orElseThrow();
        });
    }
}
