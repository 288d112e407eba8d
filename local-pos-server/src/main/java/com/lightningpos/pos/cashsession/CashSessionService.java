package com.lightningpos.pos.cashsession;

import static com.lightningpos.db.shop.Tables.CASH_MOVEMENTS;
import static com.lightningpos.db.shop.Tables.CASH_SESSIONS;

import com.lightningpos.db.shop.tables.records.CashSessionsRecord;
import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.pos.shop.WriteStamp;
import com.lightningpos.pos.shop.WriteStamps;
import com.lightningpos.pos.web.ApiException;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Till sessions: one open at a time per shop, cash movements while open, X and Z reports. Sales,
 * refunds and expenses attach themselves to the open session (see {@link #openSessionId}).
 */
@Service
public class CashSessionService {

    private static final Set<String> MOVEMENT_KINDS = Set.of("in", "out");

    private final DSLContext db;
    private final WriteStamps stamps;
    private final UuidV7 ids;

    public CashSessionService(DSLContext db, WriteStamps stamps, UuidV7 ids) {
        this.db = db;
        this.stamps = stamps;
        this.ids = ids;
    }

    /** The id of this shop's open session, read in the caller's transaction; null when none is open. */
    public static String openSessionId(DSLContext tx, String shopId) {
        return tx.select(CASH_SESSIONS.ID).from(CASH_SESSIONS)
                .where(CASH_SESSIONS.SHOP_ID.eq(shopId).and(CASH_SESSIONS.STATUS.eq("open")))
                .orderBy(CASH_SESSIONS.OPENED_AT.desc()).limit(1).fetchOne(CASH_SESSIONS.ID);
    }

    public Optional<Session> current() {
        String id = openSessionId(db, stamps.shopId());
        return id == null ? Optional.empty() : Optional.of(session(db, id));
    }

    public Session open(SessionRequests.Open request) {
        long float_ = request.openingFloatCents() == null ? 0 : request.openingFloatCents();
        if (float_ < 0) {
            throw ApiException.badRequest("validation_failed", "The opening float cannot be negative.");
        }
        String id = ids.next().toString();
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            WriteStamp stamp = stamps.begin(tx);
            // Checked inside the write transaction (BEGIN IMMEDIATE): two tills pressing "open" at once
            // cannot both pass this check.
            if (openSessionId(tx, stamp.shopId()) != null) {
                throw ApiException.conflict("session_already_open", "A register session is already open; close it first.");
            }
            tx.insertInto(CASH_SESSIONS)
                    .set(CASH_SESSIONS.ID, id).set(CASH_SESSIONS.SHOP_ID, stamp.shopId())
                    .set(CASH_SESSIONS.STATUS, "open").set(CASH_SESSIONS.OPENED_AT, stamp.at())
                    .set(CASH_SESSIONS.OPENED_BY, request.openedBy()).set(CASH_SESSIONS.OPENING_FLOAT_CENTS, float_)
                    .execute();
        });
        return session(db, id);
    }

    public Movement addMovement(String sessionId, SessionRequests.AddMovement request) {
        if (request.kind() == null || !MOVEMENT_KINDS.contains(request.kind())) {
            throw ApiException.badRequest("validation_failed", "kind must be in or out.");
        }
        if (request.amountCents() == null || request.amountCents() <= 0) {
            throw ApiException.badRequest("validation_failed", "The amount must be more than zero.");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw ApiException.badRequest("validation_failed", "Give a reason for the cash " + request.kind() + ".");
        }
        String id = ids.next().toString();
        WriteStamp written = db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireOpen(session(tx, sessionId));
            WriteStamp stamp = stamps.begin(tx);
            tx.insertInto(CASH_MOVEMENTS)
                    .set(CASH_MOVEMENTS.ID, id).set(CASH_MOVEMENTS.SHOP_ID, stamp.shopId())
                    .set(CASH_MOVEMENTS.CASH_SESSION_ID, sessionId).set(CASH_MOVEMENTS.KIND, request.kind())
                    .set(CASH_MOVEMENTS.AMOUNT_CENTS, request.amountCents()).set(CASH_MOVEMENTS.REASON, request.reason().trim())
                    .set(CASH_MOVEMENTS.CREATED_AT, stamp.at()).set(CASH_MOVEMENTS.CREATED_BY, request.createdBy())
                    .execute();
            return stamp;
        });
        return new Movement(id, sessionId, request.kind(), request.amountCents(), request.reason().trim(), written.at(),
                request.createdBy());
    }

    public SessionSummary summary(String sessionId) {
        return SessionTotals.summarise(db, session(db, sessionId));
    }

    /** Closes the session with the counted cash; the Z report records expected, counted and difference. */
    public SessionSummary close(String sessionId, SessionRequests.Close request) {
        if (request.countedCashCents() == null || request.countedCashCents() < 0) {
            throw ApiException.badRequest("validation_failed", "countedCashCents is required and cannot be negative.");
        }
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Session session = session(tx, sessionId);
            requireOpen(session);
            WriteStamp stamp = stamps.begin(tx);
            long expected = SessionTotals.summarise(tx, session).expectedCashCents();
            tx.update(CASH_SESSIONS)
                    .set(CASH_SESSIONS.STATUS, "closed").set(CASH_SESSIONS.CLOSED_AT, stamp.at())
                    .set(CASH_SESSIONS.CLOSED_BY, request.closedBy())
                    .set(CASH_SESSIONS.EXPECTED_CASH_CENTS, expected)
                    .set(CASH_SESSIONS.COUNTED_CASH_CENTS, request.countedCashCents())
                    .set(CASH_SESSIONS.DIFFERENCE_CENTS, request.countedCashCents() - expected)
                    .set(CASH_SESSIONS.NOTE, request.note())
                    .where(CASH_SESSIONS.ID.eq(sessionId))
                    .execute();
        });
        return summary(sessionId);
    }

    public Session session(String id) {
        return session(db, id);
    }

    private static Session session(DSLContext ctx, String id) {
        CashSessionsRecord row = ctx.selectFrom(CASH_SESSIONS).where(CASH_SESSIONS.ID.eq(id)).fetchOne();
        if (row == null) {
            throw ApiException.notFound("not_found", "There is no register session " + id + ".");
        }
        return Session.of(row);
    }

    private static void requireOpen(Session session) {
        if (!session.isOpen()) {
            throw ApiException.conflict("session_closed", "This register session is already closed.");
        }
    }
}
