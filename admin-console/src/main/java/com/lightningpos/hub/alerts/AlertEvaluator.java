package com.lightningpos.hub.alerts;

import static com.lightningpos.db.hub.Tables.ALERTS;

import com.lightningpos.db.hub.tables.records.AlertsRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Evaluates every rule and brings the stored alerts in line: a finding without an open alert opens
 * one, a finding with one refreshes it, an open alert no longer found resolves. A rule whose check
 * failed (e.g. the database was briefly unreachable) leaves its alerts as they are, so a failed
 * check never resolves anything.
 */
@Service
public class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);
    // Two hub instances on one database take turns, so they never both open the same alert.
    private static final long LOCK_KEY = 0x4c50_5341_4c52_5453L;

    private final DSLContext db;
    private final AlertChecks checks;
    private final AlertProperties properties;
    private final Clock clock;

    public AlertEvaluator(DSLContext db, AlertChecks checks, AlertProperties properties, Clock clock) {
        this.db = db;
        this.checks = checks;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one evaluation changed. */
    public record Outcome(List<Finding> opened, List<String> resolved, List<AlertRule> failedRules) {
    }

    public synchronized Outcome evaluate() {
        String delivery = properties.webhookEnabled() ? "pending" : "off";
        List<Finding> opened = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        List<AlertRule> failed = new ArrayList<>();
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.fetch("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
            // Checked only under the lock: findings taken before it could be older than what the other
            // instance wrote meanwhile, and would reopen an alert it had just resolved (or the reverse).
            Instant now = clock.instant();
            Map<AlertRule, List<Finding>> found = new EnumMap<>(AlertRule.class);
            for (AlertRule rule : AlertRule.values()) {
                try {
                    found.put(rule, checks.check(rule, now));
                } catch (RuntimeException e) {
                    failed.add(rule);
                    log.warn("Alert rule {} could not be evaluated: {}", rule.code(), e.getMessage());
                }
            }
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            Map<String, AlertsRecord> open = new HashMap<>();
            for (AlertsRecord alert : tx.selectFrom(ALERTS).where(ALERTS.RESOLVED_AT.isNull()).fetch()) {
                open.put(key(alert.getRule(), alert.getSubject()), alert);
            }
            found.forEach((rule, findings) -> {
                for (Finding f : findings) {
                    AlertsRecord existing = open.remove(key(rule.code(), f.subject()));
                    if (existing != null) {
                        tx.update(ALERTS)
                                .set(ALERTS.LAST_SEEN_AT, at)
                                .set(ALERTS.MESSAGE, f.message())
                                .set(ALERTS.SEVERITY, f.severity().code())
                                .where(ALERTS.ID.eq(existing.getId()))
                                .execute();
                    } else {
                        tx.insertInto(ALERTS)
                                .set(ALERTS.RULE, rule.code())
                                .set(ALERTS.SUBJECT, f.subject())
                                .set(ALERTS.SHOP_ID, f.shopId())
                                .set(ALERTS.SEVERITY, f.severity().code())
                                .set(ALERTS.MESSAGE, f.message())
                                .set(ALERTS.FIRST_SEEN_AT, at)
                                .set(ALERTS.LAST_SEEN_AT, at)
                                .set(ALERTS.OPENED_DELIVERY, delivery)
                                .execute();
                        opened.add(f);
                    }
                }
            });
            for (AlertsRecord gone : open.values()) {
                if (failed.stream().anyMatch(rule -> rule.code().equals(gone.getRule()))) {
                    continue;
                }
                tx.update(ALERTS)
                        .set(ALERTS.RESOLVED_AT, at)
                        .set(ALERTS.RESOLVED_DELIVERY, delivery)
                        .where(ALERTS.ID.eq(gone.getId()))
                        .execute();
                resolved.add(gone.getRule() + " " + gone.getSubject());
            }
        });
        for (Finding f : opened) {
            log.warn("Alert opened: {} {} ({}): {}", f.rule().code(), f.subject(), f.severity().code(), f.message());
        }
        for (String r : resolved) {
            log.info("Alert resolved: {}", r);
        }
        return new Outcome(opened, resolved, failed);
    }

    private static String key(String rule, String subject) {
        return rule + "\u0000" + subject;
    }
}
