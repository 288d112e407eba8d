package com.lightningpos.pos.sync;

import com.lightningpos.etl.sync.retention.LogRetention;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, deletes outbox rows the hub acknowledged more than {@code pos.outbox-retention}
 * (default 30 days) ago. They are kept that long because a hub restored from an older backup asks
 * the till to send them again; the retention must exceed the age of the oldest hub backup you would
 * restore (docs/operations.md).
 */
@Component
class OutboxRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetentionJob.class);

    private final DSLContext db;
    private final Clock clock;
    private final Duration retention;

    OutboxRetentionJob(DSLContext db, Clock clock, @Value("${pos.outbox-retention:30d}") Duration retention) {
        this.db = db;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "PT15M", fixedDelayString = "P1D")
    void prune() {
        int deleted = LogRetention.pruneOutbox(db, clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("Outbox retention: {} acknowledged change(s) older than {} deleted", deleted, retention);
        }
    }
}
