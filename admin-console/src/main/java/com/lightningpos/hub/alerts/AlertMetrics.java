package com.lightningpos.hub.alerts;

import static com.lightningpos.db.hub.Tables.ALERTS;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * {@code lightning.alerts.open{rule=...}} (Prometheus: {@code lightning_alerts_open}): open alerts per
 * rule, read from the database at each scrape so every hub instance reports the same numbers.
 */
@Component
class AlertMetrics {

    static final String OPEN = "lightning.alerts.open";

    AlertMetrics(MeterRegistry registry, DSLContext db) {
        for (AlertRule rule : AlertRule.values()) {
            Gauge.builder(OPEN, db, d -> d.fetchCount(ALERTS, ALERTS.RULE.eq(rule.code()).and(ALERTS.RESOLVED_AT.isNull())))
                    .description("Open alerts of the rule")
                    .tag("rule", rule.code())
                    .register(registry);
        }
    }
}
