package com.lightningpos.hub.join;

import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.SHOP_JOINS;

import com.lightningpos.db.hub.tables.records.ShopJoinsRecord;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.hub.api.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * A joining shop's progress: the history the till announced against what its replica holds. The
 * replica's high-water mark counts the shop's changes, so what arrived since the join started is
 * the mark minus the mark at the start.
 */
@Service
public class JoinProgressService {

    private final DSLContext db;
    private final ReplicaStore replicas;
    private final Clock clock;

    JoinProgressService(DSLContext db, ReplicaStore replicas, Clock clock) {
        this.db = db;
        this.replicas = replicas;
        this.clock = clock;
    }

    /** Empty when the shop never joined with history (an ordinary enrolment). */
    public Optional<JoinProgress> progress(UUID shopId) {
        ShopJoinsRecord join = db.selectFrom(SHOP_JOINS).where(SHOP_JOINS.SHOP_ID.eq(shopId)).fetchOne();
        if (join == null) {
            return Optional.empty();
        }
        String replica = shopId.toString();
        long highWater = replicas.exists(replica) ? replicas.highWaterSeq(replica) : join.getHistoryBaseSeq();
        long total = join.getHistoryChanges();
        long uploaded = Math.max(0, Math.min(total, highWater - join.getHistoryBaseSeq()));
        long remaining = total - uploaded;
        String state = join.getVerifiedAt() != null ? "verified"
                : join.getUndoneAt() != null ? "undone"
                : remaining > 0 ? "uploading" : "uploaded";
        return Optional.of(new JoinProgress(state, total, uploaded, remaining, eta(join, uploaded, remaining),
                join.getMatched(), join.getProposed(), join.getProblems(), join.getStartedAt(), join.getVerifiedAt(),
                join.getUndoneAt()));
    }

    /** For the admin API: 404 for an unknown shop or one that never joined. */
    public JoinProgress require(UUID shopId) {
        if (!db.fetchExists(SHOPS, SHOPS.ID.eq(shopId))) {
            throw ProblemException.notFound("No shop " + shopId);
        }
        return progress(shopId).orElseThrow(() -> new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND,
                "join_not_started", "Shop " + shopId + " has not joined with a till's history"));
    }

    private Long eta(ShopJoinsRecord join, long uploaded, long remaining) {
        if (remaining == 0) {
            return 0L;
        }
        long elapsedMillis = Duration.between(join.getStartedAt().toInstant(), clock.instant()).toMillis();
        if (uploaded == 0 || elapsedMillis <= 0) {
            return null;
        }
        double perMilli = (double) uploaded / elapsedMillis;
        return (long) Math.ceil(remaining / perMilli / 1000.0);
    }
}
