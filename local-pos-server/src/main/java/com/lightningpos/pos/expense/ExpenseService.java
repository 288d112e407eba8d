package com.lightningpos.pos.expense;

import static com.lightningpos.db.shop.Tables.EXPENSES;

import com.lightningpos.db.shop.tables.records.ExpensesRecord;
import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.pos.cashsession.CashSessionService;
import com.lightningpos.pos.shop.WriteStamp;
import com.lightningpos.pos.shop.WriteStamps;
import com.lightningpos.pos.web.ApiException;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** Expenses of the shop. One recorded while a register session is open belongs to that session. */
@Service
public class ExpenseService {

    private static final int MAX_PAGE = 200;

    private final DSLContext db;
    private final WriteStamps stamps;
    private final UuidV7 ids;

    public ExpenseService(DSLContext db, WriteStamps stamps, UuidV7 ids) {
        this.db = db;
        this.stamps = stamps;
        this.ids = ids;
    }

    public Expense record(ExpenseRequest request) {
        if (request.category() == null || request.category().isBlank()) {
            throw ApiException.badRequest("validation_failed", "Give the expense a category.");
        }
        if (request.amountCents() == null || request.amountCents() <= 0) {
            throw ApiException.badRequest("validation_failed", "The amount must be more than zero.");
        }
        String id = ids.next().toString();
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            WriteStamp stamp = stamps.begin(tx);
            tx.insertInto(EXPENSES)
                    .set(EXPENSES.ID, id).set(EXPENSES.SHOP_ID, stamp.shopId())
                    .set(EXPENSES.CASH_SESSION_ID, CashSessionService.openSessionId(tx, stamp.shopId()))
                    .set(EXPENSES.CATEGORY, request.category().trim()).set(EXPENSES.DESCRIPTION, request.description())
                    .set(EXPENSES.AMOUNT_CENTS, request.amountCents())
                    .set(EXPENSES.PAID_FROM_TILL, request.paidFromTill() == null || request.paidFromTill())
                    .set(EXPENSES.CREATED_AT, stamp.at()).set(EXPENSES.CREATED_BY, request.createdBy())
                    .execute();
        });
        return toExpense(db.selectFrom(EXPENSES).where(EXPENSES.ID.eq(id)).fetchSingle());
    }

    /** This shop's expenses, newest first. */
    public ExpensePage list(int limit, int offset) {
        var mine = EXPENSES.SHOP_ID.eq(stamps.shopId());
        List<Expense> page = db.selectFrom(EXPENSES).where(mine)
                .orderBy(EXPENSES.CREATED_AT.desc(), EXPENSES.ID.desc())
                .limit(Math.max(1, Math.min(limit, MAX_PAGE))).offset(Math.max(0, offset))
                .fetch(ExpenseService::toExpense);
        return new ExpensePage(page, db.fetchCount(EXPENSES, mine));
    }

    private static Expense toExpense(ExpensesRecord r) {
        return new Expense(r.getId(), r.getCategory(), r.getDescription(), r.getAmountCents(), r.getPaidFromTill(),
                r.getCashSessionId(), r.getCreatedAt(), r.getCreatedBy());
    }
}
