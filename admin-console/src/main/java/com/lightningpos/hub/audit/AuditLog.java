package com.lightningpos.hub.audit;

import static com.lightningpos.db.hub.Tables.AUDIT_LOG;

import com.lightningpos.hub.common.Like;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The console's audit trail. Every change made through the console or the admin API is recorded
 * here in the SAME transaction as the change, so there is never a change without its entry (nor an
 * entry for a change that rolled back).
 */
@Service
public class AuditLog {

    private final DSLContext db;

    public AuditLog(DSLContext db) {
        this.db = db;
    }

    /** Records an action of the current user inside the caller's transaction {@code tx}. */
    public void record(DSLContext tx, String action, String target, String details) {
        record(tx, CurrentUser.name(), action, target, details);
    }

    public void record(DSLContext tx, String username, String action, String target, String details) {
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.USERNAME, username)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.TARGET, target)
                .set(AUDIT_LOG.DETAILS, details)
                .execute();
    }

    /** Newest first; {@code text} (optional) matches the action, the target or the user. */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public List<AuditEntry> search(String text, int offset, int limit) {
        return db.selectFrom(AUDIT_LOG)
                .where(matching(text))
                .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new AuditEntry(r.getId(), r.getAt(), r.getUsername(), r.getAction(), r.getTarget(),
                        r.getDetails()));
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public int count(String text) {
        return db.fetchCount(AUDIT_LOG, matching(text));
    }

    private static Condition matching(String text) {
        if (text == null || text.isBlank()) {
            return DSL.noCondition();
        }
        String pattern = Like.contains(text.trim().toLowerCase());
        return DSL.lower(AUDIT_LOG.ACTION).like(pattern)
                .or(DSL.lower(AUDIT_LOG.TARGET).like(pattern))
                .or(DSL.lower(AUDIT_LOG.USERNAME).like(pattern));
    }
}
