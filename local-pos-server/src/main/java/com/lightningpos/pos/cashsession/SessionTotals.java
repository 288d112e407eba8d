package com.lightningpos.pos.cashsession;

import static com.lightningpos.db.shop.Tables.CASH_MOVEMENTS;
import static com.lightningpos.db.shop.Tables.EXPENSES;
import static com.lightningpos.db.shop.Tables.PAYMENT_METHODS;
import static com.lightningpos.db.shop.Tables.SALES_ORDERS;
import static com.lightningpos.db.shop.Tables.SALES_ORDER_PAYMENTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Adds up a session for the X/Z report. Voided orders count for nothing: their money went back. */
final class SessionTotals {

    private SessionTotals() {
    }

    static SessionSummary summarise(DSLContext db, Session session) {
        Condition inSession = SALES_ORDERS.CASH_SESSION_ID.eq(session.id()).and(SALES_ORDERS.STATUS.eq("completed"));
        var sales = db.select(count(), coalesce(sum(SALES_ORDERS.TOTAL_CENTS), BigDecimal.ZERO)).from(SALES_ORDERS)
                .where(inSession.and(SALES_ORDERS.KIND.eq("sale"))).fetchOne();
        long refunds = db.select(coalesce(sum(SALES_ORDERS.TOTAL_CENTS), BigDecimal.ZERO)).from(SALES_ORDERS)
                .where(inSession.and(SALES_ORDERS.KIND.eq("refund"))).fetchOne(0, Long.class);
        Map<String, Long> byMethod = new LinkedHashMap<>();
        db.select(SALES_ORDER_PAYMENTS.METHOD, sum(SALES_ORDER_PAYMENTS.AMOUNT_CENTS))
                .from(SALES_ORDER_PAYMENTS).join(SALES_ORDERS).on(SALES_ORDERS.ID.eq(SALES_ORDER_PAYMENTS.ORDER_ID))
                .where(inSession).groupBy(SALES_ORDER_PAYMENTS.METHOD).orderBy(SALES_ORDER_PAYMENTS.METHOD)
                .forEach(r -> byMethod.put(r.value1(), r.value2().longValue()));
        long cash = db.select(coalesce(sum(SALES_ORDER_PAYMENTS.AMOUNT_CENTS), BigDecimal.ZERO))
                .from(SALES_ORDER_PAYMENTS).join(SALES_ORDERS).on(SALES_ORDERS.ID.eq(SALES_ORDER_PAYMENTS.ORDER_ID))
                .where(inSession.and(SALES_ORDER_PAYMENTS.METHOD.eq("cash").or(SALES_ORDER_PAYMENTS.METHOD.in(
                        DSL.select(PAYMENT_METHODS.CODE).from(PAYMENT_METHODS).where(PAYMENT_METHODS.KIND.eq("cash"))))))
                .fetchOne(0, Long.class);
        long cashIn = movements(db, session, "in");
        long cashOut = movements(db, session, "out");
        long expenses = db.select(coalesce(sum(EXPENSES.AMOUNT_CENTS), BigDecimal.ZERO)).from(EXPENSES)
                .where(EXPENSES.CASH_SESSION_ID.eq(session.id()).and(EXPENSES.PAID_FROM_TILL.isTrue()))
                .fetchOne(0, Long.class);
        long expected = session.openingFloatCents() + cash + cashIn - cashOut - expenses;
        Long difference = session.countedCashCents() == null ? null : session.countedCashCents() - expected;
        if (!session.isOpen() && session.expectedCashCents() != null) {
            // A closed session keeps the figures it was closed with (the Z report does not change later).
            expected = session.expectedCashCents();
            difference = session.differenceCents();
        }
        return new SessionSummary(session, sales.value1(), sales.value2().longValue(), refunds, byMethod, cashIn,
                cashOut, expenses, expected, session.countedCashCents(), difference);
    }

    private static long movements(DSLContext db, Session session, String kind) {
        return db.select(coalesce(sum(CASH_MOVEMENTS.AMOUNT_CENTS), BigDecimal.ZERO)).from(CASH_MOVEMENTS)
                .where(CASH_MOVEMENTS.CASH_SESSION_ID.eq(session.id()).and(CASH_MOVEMENTS.KIND.eq(kind)))
                .fetchOne(0, Long.class);
    }
}
