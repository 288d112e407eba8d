package com.lightningpos.pos.sync;

import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;

import com.lightningpos.etl.change.TableChecksum;
import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.etl.sync.ConsistencyReport;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.etl.sync.client.HubCallException;
import com.lightningpos.etl.sync.client.LocalSyncState;
import com.lightningpos.etl.sync.client.SyncStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The till's part of the three-tier consistency check: its own row counts and checksums, taken
 * when nothing waits in its outbox, sent to the hub, which stores them and answers how the shop,
 * its replica and PostgreSQL compare. Sent after a sync that left nothing pending, at most every
 * {@code pos.consistency-report-interval} (default 1h), and on demand ({@code POST /api/sync/verify}).
 */
@Component
public class ConsistencyVerification {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyVerification.class);

    private final DSLContext db;
    private final Clock clock;
    private final Duration interval;
    private volatile Instant lastReportedAt;
    private volatile ConsistencyComparison lastComparison;

    public ConsistencyVerification(DSLContext db, Clock clock,
                                   @Value("${pos.consistency-report-interval:1h}") Duration interval) {
        this.db = db;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Sends the till's report and returns the hub's comparison; empty when changes still wait to
     * be pushed (the till's tables would be ahead of its replica, so a comparison would mislead).
     */
    public Optional<ConsistencyComparison> verifyWithHub(HubApi hub) throws TransportException, HubCallException {
        Optional<ConsistencyReport> own = ownReport();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        ConsistencyComparison comparison = hub.verifyConsistency(own.get());
        lastReportedAt = clock.instant();
        lastComparison = comparison;
        if (!comparison.consistent()) {
            log.warn("The hub reports this shop's data differs in {}: see the console's Consistency view",
                    comparison.differing().stream().map(t -> t.table() + " (" + t.note() + ")").toList());
        }
        return Optional.of(comparison);
    }

    /** After a successful sync: reports when the interval has passed; a failure is logged, never thrown. */
    void afterSync(HubApi hub) {
        if (!due()) {
            return;
        }
        try {
            verifyWithHub(hub);
        } catch (TransportException e) {
            log.debug("Consistency report not sent: {}", e.getMessage());
        } catch (HubCallException e) {
            // e.g. a hub older than this till that has no POST consistency yet: try again next interval
            lastReportedAt = clock.instant();
            log.info("The hub did not take the consistency report: {}", e.getMessage());
        }
    }

    boolean due() {
        Instant last = lastReportedAt;
        return last == null || !clock.instant().isBefore(last.plus(interval));
    }

    public Optional<ConsistencyComparison> lastComparison() {
        return Optional.ofNullable(lastComparison);
    }

    /** The till's counts and checksums at its pushed high-water mark, in one read transaction. */
    Optional<ConsistencyReport> ownReport() {
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (tx.fetchExists(SYNC_CHANGES, SYNC_CHANGES.SYNC_STATUS.eq("pending"))) {
                return Optional.empty();
            }
            return Optional.of(TableChecksum.report(tx, new LocalSyncState(tx).cursor(SyncStream.SALES_UP)));
        });
    }
}
