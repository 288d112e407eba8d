package com.lightningpos.hub.shops;

import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.HUB_SETTINGS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.SYNC_RUNS;

import com.lightningpos.hub.common.Like;
import com.lightningpos.hub.schema.RequiredVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Shops with their sync health in ONE query: the ETL job row and the latest runs come in through
 * lateral joins over the {@code sync_runs (shop_id, started_at DESC)} index, so the cost grows
 * with the page size, never a query per shop (the dashboard shows 1,000 shops).
 */
@Component
public class ShopOverviewQuery {

    private static final Table<?> LAST_RUN = DSL.select(SYNC_RUNS.OK, SYNC_RUNS.ERROR, SYNC_RUNS.FINISHED_AT)
            .from(SYNC_RUNS)
            .where(SYNC_RUNS.SHOP_ID.eq(SHOPS.ID))
            .orderBy(SYNC_RUNS.STARTED_AT.desc())
            .limit(1)
            .asTable("last_run");

    // The newest run that measured the backlog; runs of other kinds may not.
    private static final Table<?> LAST_LAG = DSL.select(SYNC_RUNS.ROWS_WAITING, SYNC_RUNS.OLDEST_WAITING_AT)
            .from(SYNC_RUNS)
            .where(SYNC_RUNS.SHOP_ID.eq(SHOPS.ID).and(SYNC_RUNS.ROWS_WAITING.isNotNull()))
            .orderBy(SYNC_RUNS.STARTED_AT.desc())
            .limit(1)
            .asTable("last_lag");

    private final DSLContext db;
    private final Clock clock;
    private final ShopStatusRules rules;

    public ShopOverviewQuery(DSLContext db, Clock clock, ShopHealthProperties health) {
        this.db = db;
        this.clock = clock;
        this.rules = new ShopStatusRules(health.lagAfter(), health.silentAfter());
    }

    /** A page of shops ordered by name; {@code text} matches a name prefix (case-insensitive) or an id. */
    public List<ShopOverview> page(String text, int offset, int limit) {
        Instant now = clock.instant();
        return select().where(matching(text))
                .orderBy(DSL.lower(SHOPS.NAME), SHOPS.ID)
                .offset(offset)
                .limit(limit)
                .fetch(r -> toOverview(r, now));
    }

    public int count(String text) {
        return db.fetchCount(SHOPS, matching(text));
    }

    /** Every shop, for the dashboard. */
    public List<ShopOverview> all() {
        Instant now = clock.instant();
        return select().orderBy(DSL.lower(SHOPS.NAME), SHOPS.ID).fetch(r -> toOverview(r, now));
    }

    public Optional<ShopOverview> byId(UUID id) {
        Instant now = clock.instant();
        return select().where(SHOPS.ID.eq(id)).fetchOptional(r -> toOverview(r, now));
    }

    private SelectJoinStep<? extends Record> select() {
        return db.select(SHOPS.ID, SHOPS.NAME, SHOPS.IS_ACTIVE, SHOPS.CANARY, SHOPS.SECRET_HASH, SHOPS.SCHEMA_VERSION,
                        SHOPS.CREATED_AT, SHOPS.LAST_SEEN_AT, SHOPS.LAST_PUSH_AT,
                        ETL_JOBS.LAST_RUN_AT, ETL_JOBS.LAST_SUCCESS_AT, ETL_JOBS.CONSECUTIVE_FAILURES,
                        ETL_JOBS.PUT_ASIDE_UNTIL, ETL_JOBS.LAST_ERROR,
                        LAST_RUN.field(SYNC_RUNS.OK), LAST_RUN.field(SYNC_RUNS.ERROR), LAST_RUN.field(SYNC_RUNS.FINISHED_AT),
                        LAST_LAG.field(SYNC_RUNS.ROWS_WAITING), LAST_LAG.field(SYNC_RUNS.OLDEST_WAITING_AT),
                        HUB_SETTINGS.REQUIRED_SHOP_SCHEMA_VERSION, HUB_SETTINGS.CANARY_REQUIRED_SHOP_SCHEMA_VERSION)
                .from(SHOPS
                        .crossJoin(HUB_SETTINGS)
                        .leftJoin(ETL_JOBS).on(ETL_JOBS.SHOP_ID.eq(SHOPS.ID))
                        .leftJoin(DSL.lateral(LAST_RUN)).on(DSL.trueCondition())
                        .leftJoin(DSL.lateral(LAST_LAG)).on(DSL.trueCondition()));
    }

    private static Condition matching(String text) {
        if (text == null || text.isBlank()) {
            return DSL.noCondition();
        }
        String t = text.trim();
        try {
            return SHOPS.ID.eq(UUID.fromString(t));
        } catch (IllegalArgumentException notAnId) {
            // uses the shops_name index on lower(name)
            return DSL.lower(SHOPS.NAME).like(DSL.inline(Like.prefix(t.toLowerCase())));
        }
    }

    private ShopOverview toOverview(Record r, Instant now) {
        boolean canary = r.get(SHOPS.CANARY);
        int required = RequiredVersion.forShop(canary, r.get(HUB_SETTINGS.REQUIRED_SHOP_SCHEMA_VERSION),
                r.get(HUB_SETTINGS.CANARY_REQUIRED_SHOP_SCHEMA_VERSION));
        Long pending = r.get(LAST_LAG.field(SYNC_RUNS.ROWS_WAITING));
        OffsetDateTime oldest = r.get(LAST_LAG.field(SYNC_RUNS.OLDEST_WAITING_AT));
        Long lag = lagSeconds(pending, oldest, now);
        Integer failures = r.get(ETL_JOBS.CONSECUTIVE_FAILURES);
        OffsetDateTime lastRunAt = r.get(LAST_RUN.field(SYNC_RUNS.FINISHED_AT));
        if (lastRunAt == null) {
            lastRunAt = r.get(ETL_JOBS.LAST_RUN_AT);
        }
        var facts = new ShopStatusRules.Facts(r.get(SHOPS.IS_ACTIVE), r.get(SHOPS.SCHEMA_VERSION), required,
                r.get(SHOPS.LAST_SEEN_AT), lastRunAt, failures == null ? 0 : failures, r.get(ETL_JOBS.PUT_ASIDE_UNTIL),
                r.get(LAST_RUN.field(SYNC_RUNS.OK)), lag);
        String lastError = r.get(ETL_JOBS.LAST_ERROR);
        if (lastError == null && Boolean.FALSE.equals(r.get(LAST_RUN.field(SYNC_RUNS.OK)))) {
            lastError = r.get(LAST_RUN.field(SYNC_RUNS.ERROR));
        }
        return new ShopOverview(r.get(SHOPS.ID), r.get(SHOPS.NAME), rules.statusOf(facts, now), r.get(SHOPS.IS_ACTIVE),
                canary, r.get(SHOPS.SECRET_HASH) != null, r.get(SHOPS.SCHEMA_VERSION), required,
                r.get(SHOPS.CREATED_AT), r.get(SHOPS.LAST_SEEN_AT), r.get(SHOPS.LAST_PUSH_AT),
                r.get(ETL_JOBS.LAST_SUCCESS_AT), facts.consecutiveFailures(), pending, lag, lastError);
    }

    private static Long lagSeconds(Long pending, OffsetDateTime oldest, Instant now) {
        if (pending == null) {
            return null;
        }
        if (pending == 0 || oldest == null) {
            return 0L;
        }
        return Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
    }
}
