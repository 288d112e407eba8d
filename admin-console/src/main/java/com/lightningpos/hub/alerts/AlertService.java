package com.lightningpos.hub.alerts;

import static com.lightningpos.db.hub.Tables.ALERTS;
import static com.lightningpos.db.hub.Tables.SHOPS;

import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.audit.CurrentUser;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The console's and the admin API's side of alerts: what is open, what resolved lately, acknowledging. */
@Service
public class AlertService {

    private final DSLContext db;
    private final AuditLog audit;
    private final AlertProperties properties;
    private final Clock clock;

    public AlertService(DSLContext db, AuditLog audit, AlertProperties properties, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Open alerts, critical first, then the oldest first. */
    public List<Alert> open() {
        return select(ALERTS.RESOLVED_AT.isNull())
                .orderBy(DSL.when(ALERTS.SEVERITY.eq(Severity.CRITICAL.code()), 0).otherwise(1), ALERTS.FIRST_SEEN_AT, ALERTS.ID)
                .fetch(AlertService::toAlert);
    }

    /** The newest {@code limit} resolved alerts. */
    public List<Alert> recentlyResolved(int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.validation("limit must be between 1 and 1000");
        }
        return select(ALERTS.RESOLVED_AT.isNotNull())
                .orderBy(ALERTS.RESOLVED_AT.desc(), ALERTS.ID.desc())
                .limit(limit)
                .fetch(AlertService::toAlert);
    }

    public int openCount() {
        return db.fetchCount(ALERTS, ALERTS.RESOLVED_AT.isNull());
    }

    /** Where the console links a rule's runbook, or null when {@code hub.alerts.docs-url} is unset. */
    public String docsLink(AlertRule rule) {
        String base = properties.docsUrl();
        return base == null || base.isBlank() ? null : base + "#" + rule.docsAnchor();
    }

    /** Marks an open alert as seen by the current user: it stays open until its condition clears. */
    @PreAuthorize("hasAnyRole('HEAD_OFFICE', 'SUPPORT')")
    public Alert acknowledge(long id) {
        String user = CurrentUser.name();
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            var alert = tx.selectFrom(ALERTS).where(ALERTS.ID.eq(id)).forUpdate().fetchOptional()
                    .orElseThrow(() -> ProblemException.notFound("No alert " + id));
            if (alert.getResolvedAt() != null) {
                throw ProblemException.conflict("alert_resolved", "The alert has resolved already");
            }
            if (alert.getAcknowledgedAt() != null) {
                throw ProblemException.conflict("alert_acknowledged",
                        "The alert was acknowledged by " + alert.getAcknowledgedBy() + " already");
            }
            tx.update(ALERTS)
                    .set(ALERTS.ACKNOWLEDGED_BY, user)
                    .set(ALERTS.ACKNOWLEDGED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .where(ALERTS.ID.eq(id))
                    .execute();
            audit.record(tx, user, "alert.acknowledge", alert.getRule() + " " + alert.getSubject(), alert.getMessage());
        });
        return select(ALERTS.ID.eq(id)).fetchSingle(AlertService::toAlert);
    }

    private org.jooq.SelectConditionStep<? extends Record> select(Condition condition) {
        return db.select(ALERTS.asterisk(), SHOPS.NAME)
                .from(ALERTS.leftJoin(SHOPS).on(SHOPS.ID.eq(ALERTS.SHOP_ID)))
                .where(condition);
    }

    private static Alert toAlert(Record r) {
        AlertRule rule = AlertRule.of(r.get(ALERTS.RULE));
        return new Alert(r.get(ALERTS.ID), rule, r.get(ALERTS.SUBJECT), r.get(ALERTS.SHOP_ID), r.get(SHOPS.NAME),
                Severity.of(r.get(ALERTS.SEVERITY)), r.get(ALERTS.MESSAGE), r.get(ALERTS.FIRST_SEEN_AT),
                r.get(ALERTS.LAST_SEEN_AT), r.get(ALERTS.RESOLVED_AT), r.get(ALERTS.ACKNOWLEDGED_BY),
                r.get(ALERTS.ACKNOWLEDGED_AT), rule.hint());
    }
}
