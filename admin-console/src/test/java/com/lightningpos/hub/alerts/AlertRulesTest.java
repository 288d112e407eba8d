package com.lightningpos.hub.alerts;

import static com.lightningpos.db.hub.Tables.ALERTS;
import static com.lightningpos.db.hub.Tables.CONSISTENCY_RESULTS;
import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.config.HubProperties;
import com.lightningpos.hub.quarantine.QuarantineProvider;
import com.lightningpos.hub.quarantine.QuarantinedRow;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Each rule opens an alert on planted state and resolves it when the state clears. The hub's own
 * scheduler is off in tests (HubTestBase); each test evaluates with thresholds bound from properties.
 * The database is shared with other tests, so assertions look at this test's subjects only.
 */
class AlertRulesTest extends HubTestBase {

    @Autowired
    DSLContext db;
    @Autowired
    HubFixtures fixtures;
    @Autowired
    HubProperties hub;
    @Autowired
    MeterRegistry registry;
    @Autowired
    AlertProperties contextProperties;

    final Map<UUID, Integer> quarantined = new HashMap<>();

    @Test
    void thresholds_come_from_properties_with_documented_defaults() {
        AlertProperties defaults = properties(Map.of());
        assertThat(defaults.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.unsyncedAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.etlFailingFor()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.etlErrorCount()).isEqualTo(5);
        assertThat(defaults.quarantinedRows()).isEqualTo(1);
        assertThat(defaults.databaseMaxBytes()).isNull();
        assertThat(defaults.diskFreeMinPercent()).isEqualTo(10);
        assertThat(defaults.webhookEnabled()).isFalse();

        AlertProperties set = properties(Map.of("unsynced-after", "5m", "database-max-bytes", "20GB",
                "webhook-url", "https://alerts.example.com/hook", "etl-error-count", "2"));
        assertThat(set.unsyncedAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(set.databaseMaxBytes()).isEqualTo(DataSize.ofGigabytes(20));
        assertThat(set.webhookEnabled()).isTrue();
        assertThat(set.etlErrorCount()).isEqualTo(2);
        assertThat(contextProperties.enabled()).as("HubTestBase turns the background evaluation off").isFalse();
    }

    @Test
    void shop_unsynced_opens_past_the_threshold_while_rows_are_pending_and_resolves_when_they_are_loaded() {
        Instant now = Instant.now();
        UUID shop = fixtures.syncedShop(HubFixtures.unique("Unsynced"), at(now.minus(Duration.ofMinutes(40))), 3);
        fixtures.run(shop, "etl", at(now.minus(Duration.ofMinutes(39))), 0, 12L, at(now.minus(Duration.ofMinutes(40))), true, null);

        evaluator(Map.of("unsynced-after", "60m")).evaluate();
        assertThat(openAlert(AlertRule.SHOP_UNSYNCED, shop)).as("40 min is below a 60 min threshold").isEmpty();

        AlertEvaluator.Outcome outcome = evaluator(Map.of()).evaluate();
        assertThat(outcome.opened()).anySatisfy(f -> assertThat(f.subject()).isEqualTo(shop.toString()));
        assertThat(openAlert(AlertRule.SHOP_UNSYNCED, shop)).hasValueSatisfying(a -> {
            assertThat(a.getSeverity()).isEqualTo("warning");
            assertThat(a.getShopId()).isEqualTo(shop);
            assertThat(a.getMessage()).contains("12 rows pending");
        });

        fixtures.run(shop, "etl", at(now), 12, 0L, null, true, null);
        evaluator(Map.of()).evaluate();
        assertThat(openAlert(AlertRule.SHOP_UNSYNCED, shop)).isEmpty();
        assertThat(resolvedCount(AlertRule.SHOP_UNSYNCED, shop)).isEqualTo(1);
    }

    @Test
    void etl_errors_open_by_failure_count_or_time_without_success_and_resolve_after_a_success() {
        UUID shop = fixtures.syncedShop(HubFixtures.unique("EtlErrors"), OffsetDateTime.now(), 3);
        fixtures.etlJob(shop, 2, "disk full");
        setLastSuccess(shop, OffsetDateTime.now().minusMinutes(5));
        evaluator(Map.of()).evaluate();
        assertThat(openAlert(AlertRule.ETL_ERRORS, shop)).as("2 failures, last success 5 min ago").isEmpty();

        evaluator(Map.of("etl-error-count", "2")).evaluate();
        assertThat(openAlert(AlertRule.ETL_ERRORS, shop)).as("the count threshold").isPresent();
        evaluator(Map.of()).evaluate();
        assertThat(openAlert(AlertRule.ETL_ERRORS, shop)).as("below the default count again").isEmpty();

        setLastSuccess(shop, OffsetDateTime.now().minusMinutes(20));
        evaluator(Map.of()).evaluate();
        assertThat(openAlert(AlertRule.ETL_ERRORS, shop)).as("no success for 20 min > 15 min")
                .hasValueSatisfying(a -> {
                    assertThat(a.getSeverity()).isEqualTo("critical");
                    assertThat(a.getMessage()).contains("failed 2 times").contains("disk full");
                });

        fixtures.etlJob(shop, 0, null);
        evaluator(Map.of()).evaluate();
        assertThat(openAlert(AlertRule.ETL_ERRORS, shop)).isEmpty();
    }

    @Test
    void quarantined_rows_open_per_shop_and_resolve_when_settled() {
        UUID shop = fixtures.syncedShop(HubFixtures.unique("Quarantine"), OffsetDateTime.now(), 3);
        quarantined.put(shop, 2);
        evaluator(Map.of("quarantined-rows", "3")).evaluate();
        assertThat(openAlert(AlertRule.QUARANTINED_ROWS, shop)).as("2 rows, threshold 3").isEmpty();

        evaluator(Map.of()).evaluate();
        assertThat(openAlert(AlertRule.QUARANTINED_ROWS, shop)).hasValueSatisfying(a ->
                assertThat(a.getMessage()).isEqualTo("2 rows held in quarantine"));

        quarantined.put(shop, 0);
        evaluator(Map.of()).evaluate();
        assertThat(openAlert(AlertRule.QUARANTINED_ROWS, shop)).isEmpty();
    }

    @Test
    void a_consistency_mismatch_opens_with_the_tables_that_differ_and_resolves_when_they_agree() {
        UUID shop = fixtures.syncedShop(HubFixtures.unique("Mismatch"), OffsetDateTime.now(), 3);
        consistency(shop, "sales_orders", true);
        consistency(shop, "items", true);
        consistency(shop, "expenses", false);

        evaluator(Map.of()).evaluate();
        assertThat(openAlert(AlertRule.CONSISTENCY_MISMATCH, shop)).hasValueSatisfying(a ->
                assertThat(a.getMessage()).isEqualTo("Shop, replica and hub differ in items, sales_orders"));

        db.update(CONSISTENCY_RESULTS).set(CONSISTENCY_RESULTS.DIFFERS, false).where(CONSISTENCY_RESULTS.SHOP_ID.eq(shop)).execute();
        evaluator(Map.of()).evaluate();
        assertThat(openAlert(AlertRule.CONSISTENCY_MISMATCH, shop)).isEmpty();
    }

    @Test
    void hub_storage_opens_for_database_size_and_disk_space_and_resolves_below_the_thresholds() {
        evaluator(Map.of("database-max-bytes", "1MB", "disk-free-min-percent", "100")).evaluate();
        assertThat(openAlert(AlertRule.HUB_DATABASE_FULL, "database")).hasValueSatisfying(a ->
                assertThat(a.getMessage()).contains("MB allowed"));
        assertThat(openAlert(AlertRule.HUB_DATABASE_FULL, "disk")).hasValueSatisfying(a ->
                assertThat(a.getMessage()).contains("free of"));

        evaluator(Map.of("database-max-bytes", "1TB", "disk-free-min-percent", "0")).evaluate();
        assertThat(openAlert(AlertRule.HUB_DATABASE_FULL, "database")).isEmpty();
        assertThat(openAlert(AlertRule.HUB_DATABASE_FULL, "disk")).isEmpty();
    }

    @Test
    void a_rule_whose_check_fails_keeps_its_alerts_open() {
        UUID shop = fixtures.syncedShop(HubFixtures.unique("CheckFails"), OffsetDateTime.now(), 3);
        quarantined.put(shop, 1);
        evaluator(Map.of()).evaluate();
        assertThat(openAlert(AlertRule.QUARANTINED_ROWS, shop)).isPresent();

        quarantined.put(shop, 0);
        AlertProperties props = properties(Map.of());
        AlertChecks broken = new AlertChecks(db, props, hub, quarantineProvider()) {
            @Override
            public List<Finding> check(AlertRule rule, Instant now) {
                if (rule == AlertRule.QUARANTINED_ROWS) {
                    throw new IllegalStateException("replica store unreachable");
                }
                return super.check(rule, now);
            }
        };
        AlertEvaluator.Outcome outcome = new AlertEvaluator(db, broken, props, Clock.systemUTC()).evaluate();
        assertThat(outcome.failedRules()).containsExactly(AlertRule.QUARANTINED_ROWS);
        assertThat(openAlert(AlertRule.QUARANTINED_ROWS, shop)).as("not resolved by a failed check").isPresent();

        evaluator(Map.of()).evaluate();
        assertThat(openAlert(AlertRule.QUARANTINED_ROWS, shop)).isEmpty();
    }

    @Test
    void the_open_gauge_counts_open_alerts_per_rule() {
        assertThat(registry.find(AlertMetrics.OPEN).gauges()).as("one series per rule")
                .extracting(g -> g.getId().getTag("rule"))
                .containsExactlyInAnyOrder(java.util.Arrays.stream(AlertRule.values()).map(AlertRule::code).toArray(String[]::new));
        evaluator(Map.of()).evaluate();
        double before = gauge(AlertRule.ETL_ERRORS);
        UUID a = fixtures.syncedShop(HubFixtures.unique("GaugeA"), OffsetDateTime.now(), 3);
        UUID b = fixtures.syncedShop(HubFixtures.unique("GaugeB"), OffsetDateTime.now(), 3);
        fixtures.etlJob(a, 7, "boom");
        fixtures.etlJob(b, 9, "boom");

        evaluator(Map.of()).evaluate();
        assertThat(gauge(AlertRule.ETL_ERRORS)).isEqualTo(before + 2);

        fixtures.etlJob(a, 0, null);
        evaluator(Map.of()).evaluate();
        assertThat(gauge(AlertRule.ETL_ERRORS)).isEqualTo(before + 1);
        fixtures.etlJob(b, 0, null);
        evaluator(Map.of()).evaluate();
        assertThat(gauge(AlertRule.ETL_ERRORS)).isEqualTo(before);
    }

    @Test
    void two_hub_instances_never_write_findings_older_than_the_other_ones_alerts() throws Exception {
        UUID shop = fixtures.syncedShop(HubFixtures.unique("TwoInstances"), OffsetDateTime.now(), 3);
        quarantined.put(shop, 1);
        AlertEvaluator other = evaluator(Map.of());
        other.evaluate();
        assertThat(openAlert(AlertRule.QUARANTINED_ROWS, shop)).isPresent();

        // This instance finds the row still quarantined; meanwhile it is settled and the other instance
        // evaluates (and resolves the alert) before this one writes what it found.
        AlertProperties props = properties(Map.of());
        java.util.concurrent.ExecutorService otherInstance = java.util.concurrent.Executors.newSingleThreadExecutor();
        AlertChecks slow = new AlertChecks(db, props, hub, quarantineProvider()) {
            @Override
            public List<Finding> check(AlertRule rule, Instant now) {
                List<Finding> found = super.check(rule, now);
                if (rule == AlertRule.QUARANTINED_ROWS) {
                    quarantined.put(shop, 0);
                    var evaluating = otherInstance.submit(other::evaluate);
                    // until the other instance is done, or waits for this one's lock
                    while (!evaluating.isDone() && db.fetchCount(DSL.table("pg_locks"),
                            DSL.field("locktype").eq("advisory").and(DSL.field("granted", Boolean.class).isFalse())) == 0) {
                        Thread.onSpinWait();
                    }
                }
                return found;
            }
        };
        try {
            new AlertEvaluator(db, slow, props, Clock.systemUTC()).evaluate();
            otherInstance.submit(() -> { }).get();
        } finally {
            otherInstance.shutdown();
        }

        assertThat(openAlert(AlertRule.QUARANTINED_ROWS, shop)).as("the row is settled: no alert left open").isEmpty();
        assertThat(db.fetchCount(ALERTS, ALERTS.RULE.eq(AlertRule.QUARANTINED_ROWS.code()).and(ALERTS.SUBJECT.eq(shop.toString()))))
                .as("opened once, not opened again from a stale finding").isEqualTo(1);
    }

    private double gauge(AlertRule rule) {
        return registry.get(AlertMetrics.OPEN).tag("rule", rule.code()).gauge().value();
    }

    AlertEvaluator evaluator(Map<String, String> settings) {
        AlertProperties props = properties(settings);
        return new AlertEvaluator(db, new AlertChecks(db, props, hub, quarantineProvider()), props, Clock.systemUTC());
    }

    org.springframework.beans.factory.ObjectProvider<QuarantineProvider> quarantineProvider() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("quarantine", new CountingQuarantine(quarantined));
        return beans.getBeanProvider(QuarantineProvider.class);
    }

    /** Binds {@code hub.alerts.*} as the hub does, from property names without the prefix. */
    static AlertProperties properties(Map<String, String> settings) {
        Map<String, String> prefixed = new HashMap<>();
        settings.forEach((k, v) -> prefixed.put("hub.alerts." + k, v));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("hub.alerts", AlertProperties.class);
    }

    Optional<com.lightningpos.db.hub.tables.records.AlertsRecord> openAlert(AlertRule rule, Object subject) {
        return db.selectFrom(ALERTS).where(ALERTS.RULE.eq(rule.code()), ALERTS.SUBJECT.eq(subject.toString()),
                ALERTS.RESOLVED_AT.isNull()).fetchOptional();
    }

    int resolvedCount(AlertRule rule, UUID shop) {
        return db.fetchCount(ALERTS, ALERTS.RULE.eq(rule.code()), ALERTS.SUBJECT.eq(shop.toString()),
                ALERTS.RESOLVED_AT.isNotNull());
    }

    private void setLastSuccess(UUID shop, OffsetDateTime at) {
        db.update(ETL_JOBS).set(ETL_JOBS.LAST_SUCCESS_AT, at).where(ETL_JOBS.SHOP_ID.eq(shop)).execute();
    }

    private void consistency(UUID shop, String table, boolean differs) {
        db.insertInto(CONSISTENCY_RESULTS)
                .set(CONSISTENCY_RESULTS.SHOP_ID, shop)
                .set(CONSISTENCY_RESULTS.TABLE_NAME, table)
                .set(CONSISTENCY_RESULTS.DIFFERS, differs)
                .set(CONSISTENCY_RESULTS.NOTE, differs ? "checksums differ" : null)
                .execute();
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The replicas' quarantine reduced to a count per shop. */
    record CountingQuarantine(Map<UUID, Integer> counts) implements QuarantineProvider {
        @Override
        public List<QuarantinedRow> open(UUID shopId, int offset, int limit) {
            return List.of();
        }

        @Override
        public int countOpen(UUID shopId) {
            return counts.getOrDefault(shopId, 0);
        }

        @Override
        public RetryOutcome retry(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void discard(String id, String reason, String discardedBy) {
            throw new UnsupportedOperationException();
        }
    }
}
