package com.lightningpos.pos.sale;

import static com.lightningpos.db.shop.Tables.RECEIPT_COUNTERS;
import static com.lightningpos.db.shop.Tables.SALES_ORDERS;
import static com.lightningpos.db.shop.Tables.SALES_ORDER_ITEMS;
import static com.lightningpos.db.shop.Tables.SALES_ORDER_PAYMENTS;
import static com.lightningpos.db.shop.Tables.STOCK_MOVEMENTS;

import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.pos.cashsession.CashSessionService;
import com.lightningpos.pos.shop.WriteStamp;
import org.jooq.DSLContext;
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

    void write(DSLContext tx, WriteStamp stamp, NewOrder order) {
        Settlement s = order.settlement();
        tx.insertInto(SALES_ORDERS)
                .set(SALES_ORDERS.ID, order.id())
                .set(SALES_ORDERS.SHOP_ID, stamp.shopId())
                .set(SALES_ORDERS.RECEIPT_NO, nextReceiptNo(tx, stamp.shopId()))
                .set(SALES_ORDERS.KIND, order.kind())
                .set(SALES_ORDERS.STATUS, "completed")
                .set(SALES_ORDERS.REFUND_OF, order.refundOf())
                .set(SALES_ORDERS.CASH_SESSION_ID, CashSessionService.openSessionId(tx, stamp.shopId()))
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
        int lineNo = 1;
        for (NewLine line : order.lines()) {
            writeLine(tx, stamp, order, line, lineNo++);
        }
        for (Settlement.Tendered p : s.payments()) {
            tx.insertInto(SALES_ORDER_PAYMENTS)
                    .set(SALES_ORDER_PAYMENTS.ID, ids.next().toString())
                    .set(SALES_ORDER_PAYMENTS.SHOP_ID, stamp.shopId())
                    .set(SALES_ORDER_PAYMENTS.ORDER_ID, order.id())
                    .set(SALES_ORDER_PAYMENTS.METHOD, p.method())
                    .set(SALES_ORDER_PAYMENTS.AMOUNT_CENTS, p.amountCents())
                    .set(SALES_ORDER_PAYMENTS.TENDERED_CENTS, p.tenderedCents())
                    .set(SALES_ORDER_PAYMENTS.CHANGE_CENTS, p.changeCents())
                    .set(SALES_ORDER_PAYMENTS.CREATED_AT, stamp.at())
                    .execute();
        }
    }

    private void writeLine(DSLContext tx, WriteStamp stamp, NewOrder order, NewLine line, int lineNo) {
        tx.insertInto(SALES_ORDER_ITEMS)
                .set(SALES_ORDER_ITEMS.ID, ids.next().toString())
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
        tx.insertInto(RECEIPT_COUNTERS)
                .set(RECEIPT_COUNTERS.SHOP_ID, shopId)
                .set(RECEIPT_COUNTERS.LAST_NO, 1L)
                .onConflict(RECEIPT_COUNTERS.SHOP_ID)
                .doUpdate().set(RECEIPT_COUNTERS.LAST_NO, RECEIPT_COUNTERS.LAST_NO.plus(1L))
                .execute();
        return tx.select(RECEIPT_COUNTERS.LAST_NO).from(RECEIPT_COUNTERS)
                .where(RECEIPT_COUNTERS.SHOP_ID.eq(shopId)).fetchSingle(RECEIPT_COUNTERS.LAST_NO);
    }
}
