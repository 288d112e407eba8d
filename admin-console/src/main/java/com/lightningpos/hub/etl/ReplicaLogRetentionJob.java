package com.lightningpos.hub.etl;

import static com.lightningpos.db.hub.Tables.ETL_JOBS;

import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.etl.sync.retention.LogRetention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, deletes replica log rows older than {@code hub.replica-log-retention} (default 30
 * days) that are no longer needed: inbound rows the ETL has loaded and outbound rows the shop has
 * pulled. Without it every replica grows by every change for ever. The retention must exceed the age
 * of the oldest hub backup you would restore: after such a restore the ETL reloads from these logs.
 */
@Component
class ReplicaLogRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(ReplicaLogRetentionJob.class);

    private final DSLContext hub;
    private final ReplicaStore replicas;
    private final Clock clock;
    private final Duration retention;

    ReplicaLogRetentionJob(DSLContext hub, ReplicaStore replicas, Clock clock,
                           @Value("${hub.replica-log-retention:30d}") Duration retention) {
        this.hub = hub;
        this.replicas = replicas;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "PT20M", fixedDelayString = "P1D")
    void pruneAll() {
        Instant cutoff = clock.instant().minus(retention);
        long inbound = 0;
        long outbound = 0;
        for (var job : hub.select(ETL_JOBS.SHOP_ID, ETL_JOBS.INBOUND_CURSOR).from(ETL_JOBS).fetch()) {
            String shopId = job.value1().toString();
            if (!replicas.exists(shopId)) {
                continue;
            }
            try {
                LogRetention.ReplicaPruned pruned = LogRetention.pruneReplica(replicas.dsl(shopId), job.value2(), cutoff);
                inbound += pruned.inbound();
                outbound += pruned.outbound();
            } catch (RuntimeException e) {
                log.warn("Replica log retention skipped shop {}: {}", shopId, e.getMessage());
            }
        }
        if (inbound + outbound > 0) {
            log.info("Replica log retention: {} inbound and {} outbound log row(s) older than {} deleted", inbound, outbound, retention);
        }
    }
}
