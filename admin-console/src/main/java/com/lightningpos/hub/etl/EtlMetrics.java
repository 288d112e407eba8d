package com.lightningpos.hub.etl;

import static com.lightningpos.db.hub.Tables.ETL_JOBS;

import com.lightningpos.etl.pipeline.EtlRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The ETL's Micrometer metrics (Prometheus at {@code /actuator/prometheus}). Aggregates, not one
 * series per shop, so a chain of a thousand shops does not flood the metrics store; the console
 * has the per-shop detail.
 */
@Component
public class EtlMetrics {

    private final Counter rowsLoaded;
    private final Counter rowsPropagated;
    private final Counter runsOk;
    private final Counter runsFailed;
    private final Timer runDuration;

    public EtlMetrics(MeterRegistry registry, DSLContext db) {
        rowsLoaded = Counter.builder("lps.etl.rows.loaded").description("Shop rows loaded into PostgreSQL").register(registry);
        rowsPropagated = Counter.builder("lps.etl.rows.propagated").description("Catalog rows delivered to replicas").register(registry);
        runsOk = Counter.builder("lps.etl.runs").tag("outcome", "ok").register(registry);
        runsFailed = Counter.builder("lps.etl.runs").tag("outcome", "failed").register(registry);
        runDuration = Timer.builder("lps.etl.run.duration").register(registry);
        Gauge.builder("lps.etl.shops.erroring", db, d -> d.fetchCount(ETL_JOBS, ETL_JOBS.CONSECUTIVE_FAILURES.gt(0)))
                .description("Shops whose last ETL run failed").register(registry);
    }

    void record(EtlRun run) {
        if (!run.claimed()) {
            return;
        }
        (run.ok() ? runsOk : runsFailed).increment();
        rowsLoaded.increment(run.loaded());
        rowsPropagated.increment(run.propagated());
        runDuration.record(Duration.between(run.startedAt(), run.finishedAt()));
    }
}
