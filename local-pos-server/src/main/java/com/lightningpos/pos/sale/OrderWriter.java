package com.lightningpos.pos.sale;

import static com.lightningpos.db.shop.Tables.SALES_ORDERS;
import static com.lightningpos.db.shop.Tables.SALES_ORDER_ITEMS;
import static com.lightningpos.db.shop.Tables.SALES_ORDER_PAYMENTS;
import static com.lightningpos.db.shop.Tables.STOCK_MOVEMENTS;

import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.pos.cashsession.CashSessionService;
import com.lightningpos.pos.shop.WriteStamp;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Writes a priced order inside the caller's transaction: the order with the next receipt number,
 * its lines, payments and stock movements. The capture triggers add the outbox rows to the same
 * transaction, so the order and its outbox rows commit or vanish together.
 */
@Component
class OrderWriter {

    private final UuidV7 ids;

    OrderWriter(UuidV7 ids) {
        this.ids = ids;
    }

    /**
     * Returns the order as written, the same as reading it back would give (a new order has no
     * refunds yet), so that the sale answers without reading its own rows again.
     */
    Order write(DSLContext tx, WriteStamp stamp, NewOrder order) {
        Settlement s = order.settlement();
        long receiptNo = nextReceiptNo(tx, stamp.shopId());
        String cashSessionId = CashSessionService.openSessionId(tx, stamp.shopId());
        tx.insertInto(SALES_ORDERS)
                .set(SALES_ORDERS.ID, order.id())
                .set(SALES_ORDERS.SHOP_ID, stamp.shopId())
                .set(SALES_ORDERS.RECEIPT_NO, receiptNo)
                .set(SALES_ORDERS.KIND, order.kind())
                .set(SALES_ORDERS.STATUS, "completed")
                .set(SALES_ORDERS.REFUND_OF, order.refundOf())
                .set(SALES_ORDERS.CASH_SESSION_ID, cashSessionId)
                .set(SALES_ORDERS.CASHIER, order.cashier())
                .set(SALES_ORDERS.SUBTOTAL_CENTS, order.subtotalCents())
                .set(SALES_ORDERS.DISCOUNT_CENTS, order.discountCents())
                .set(SALES_ORDERS.TAX_CENTS, order.taxCents())
                .set(SALES_ORDERS.TOTAL_CENTS, s.totalCents())
                .set(SALES_ORDERS.ROUNDING_CENTS, s.roundingCents())
                .set(SALES_ORDERS.PAID_CENTS, s.paidCents())
                .set(SALES_ORDERS.CHANGE_CENTS, s.changeCents())
                .set(SALES_ORDERS.NOTE, order.note())
                .set(SALES_ORDERS.CREATED_AT, stamp.at())
                .execute();
        List<Order.Line> lines = new ArrayList<>(order.lines().size());
        int lineNo = 1;
        for (NewLine line : order.lines()) {
            lines.add(writeLine(tx, stamp, order, line, lineNo++));
        }
        List<Order.Payment> payments = new ArrayList<>(s.payments().size());
        for (Settlement.Tendered p : s.payments()) {
            String paymentId = ids.next().toString();
            tx.insertInto(SALES_ORDER_PAYMENTS)
                    .set(SALES_ORDER_PAYMENTS.ID, paymentId)
                    .set(SALES_ORDER_PAYMENTS.SHOP_ID, stamp.shopId())
                    .set(SALES_ORDER_PAYMENTS.ORDER_ID, order.id())
                    .set(SALES_ORDER_PAYMENTS.METHOD, p.method())
                    .set(SALES_ORDER_PAYMENTS.AMOUNT_CENTS, p.amountCents())
                    .set(SALES_ORDER_PAYMENTS.TENDERED_CENTS, p.tenderedCents())
                    .set(SALES_ORDER_PAYMENTS.CHANGE_CENTS, p.changeCents())
                    .set(SALES_ORDER_PAYMENTS.CREATED_AT, stamp.at())
                    .execute();
            payments.add(new Order.Payment(paymentId, p.method(), p.amountCents(), p.tenderedCents(), p.changeCents()));
        }
        return new Order(order.id(), receiptNo, order.kind(), "completed", order.refundOf(), stamp.at(), order.cashier(),
                cashSessionId, order.subtotalCents(), order.discountCents(), order.taxCents(), s.totalCents(),
                s.roundingCents(), s.paidCents(), s.changeCents(), null, null, order.note(), lines, payments);
    }

    private Order.Line writeLine(DSLContext tx, WriteStamp stamp, NewOrder order, NewLine line, int lineNo) {
        String lineId = ids.next().toString();
        tx.insertInto(SALES_ORDER_ITEMS)
                .set(SALES_ORDER_ITEMS.ID, lineId)
                .set(SALES_ORDER_ITEMS.SHOP_ID, stamp.shopId())
                .set(SALES_ORDER_ITEMS.ORDER_ID, order.id())
                .set(SALES_ORDER_ITEMS.LINE_NO, lineNo)
                .set(SALES_ORDER_ITEMS.ITEM_ID, line.itemId())
                .set(SALES_ORDER_ITEMS.SKU, line.sku())
                .set(SALES_ORDER_ITEMS.BARCODE, line.barcode())
                .set(SALES_ORDER_ITEMS.NAME, line.name())
                .set(SALES_ORDER_ITEMS.UNIT_PRICE_CENTS, line.unitPriceCents())
                .set(SALES_ORDER_ITEMS.QUANTITY_MILLI, line.quantityMilli())
                .set(SALES_ORDER_ITEMS.TAX_RATE_ID, line.taxRateId())
                .set(SALES_ORDER_ITEMS.TAX_RATE_BP, line.taxRateBp())
                .set(SALES_ORDER_ITEMS.TAX_INCLUSIVE, line.taxInclusive())
                .set(SALES_ORDER_ITEMS.PRICE_OVERRIDDEN, line.priceOverridden())
                .set(SALES_ORDER_ITEMS.DISCOUNT_CENTS, line.discountCents())
                .set(SALES_ORDER_ITEMS.SUBTOTAL_CENTS, line.subtotalCents())
                .set(SALES_ORDER_ITEMS.TAX_CENTS, line.taxCents())
                .set(SALES_ORDER_ITEMS.TOTAL_CENTS, line.totalCents())
                .set(SALES_ORDER_ITEMS.REFUNDED_LINE_ID, line.refundedLineId())
                .execute();
        if (line.itemId() != null) {
            // A sale takes goods out (negative), a refund line (negative quantity) puts them back.
            addStock(tx, stamp, line.itemId(), -line.quantityMilli(), order.kind(), order.id());
        }
        return new Order.Line(lineId, lineNo, line.itemId(), line.sku(), line.barcode(), line.name(),
                Quantities.fromMilli(line.quantityMilli()), line.unitPriceCents(), line.priceOverridden(),
                line.subtotalCents(), line.discountCents(), line.taxRateBp(), line.taxInclusive(), line.taxCents(),
                line.totalCents(), line.refundedLineId(), Quantities.fromMilli(0));
    }

    void addStock(DSLContext tx, WriteStamp stamp, String itemId, long deltaMilli, String reason, String refId) {
        tx.insertInto(STOCK_MOVEMENTS)
                .set(STOCK_MOVEMENTS.ID, ids.next().toString())
                .set(STOCK_MOVEMENTS.SHOP_ID, stamp.shopId())
                .set(STOCK_MOVEMENTS.ITEM_ID, itemId)
                .set(STOCK_MOVEMENTS.DELTA_MILLI, deltaMilli)
                .set(STOCK_MOVEMENTS.REASON, reason)
                .set(STOCK_MOVEMENTS.REF_ID, refId)
                .set(STOCK_MOVEMENTS.CREATED_AT, stamp.at())
                .execute();
    }

    /**
     * Takes the shop's next receipt number inside the sale transaction: unique, and gap-free because
     * a rolled-back sale also rolls back its increment.
     */
    static long nextReceiptNo(DSLContext tx, String shopId) {
        // One statement with SQLite's RETURNING (jOOQ's returningResult answers no row when the
        // upsert takes its UPDATE branch).
        return tx.resultQuery("""
                INSERT INTO receipt_counters (shop_id, last_no) VALUES ({0}, 1)
                ON CONFLICT (shop_id) DO UPDATE SET last_no = last_no + 1
                RETURNING last_no""", DSL.val(shopId))
                .fetchSingle(0, Long.class);
    }
}
