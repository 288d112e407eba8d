package com.lightningpos.hub;

import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.SALES_ORDERS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.SYNC_CONFLICTS;
import static com.lightningpos.db.hub.Tables.SYNC_RUNS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.TestSecurityContextHolder;

/**
 * Rows that other parts of the hub write in real life (shops that enrolled and synced, ETL runs,
 * conflicts, loaded sales), written directly so the console's services can be tested on them.
 */
@TestComponent
public class HubFixtures {

    private static final AtomicLong RECEIPTS = new AtomicLong(1);

    private final DSLContext db;
    private final SecurityContextHolderStrategy strategy;

    public HubFixtures(DSLContext db, SecurityContextHolderStrategy strategy) {
        this.db = db;
        this.strategy = strategy;
    }

    /**
     * Runs {@code work} as a head office user, whatever the test's own user is (e.g. to set up data).
     * Method security reads the application's (Vaadin-aware) strategy and the audit reads the
     * static holder, which Spring Security's test support redirects: both get the user.
     */
    public <T> T asHeadOffice(Supplier<T> work) {
        SecurityContext saved = strategy.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken("setup", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_HEAD_OFFICE"))));
        strategy.setContext(context);
        TestSecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            strategy.setContext(saved);
            TestSecurityContextHolder.setContext(saved);
        }
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public UUID shop(String name) {
        UUID id = UUID.randomUUID();
        db.insertInto(SHOPS).set(SHOPS.ID, id).set(SHOPS.NAME, name).execute();
        return id;
    }

    /** A shop that enrolled and last called the hub at {@code lastSeen}, running {@code schemaVersion}. */
    public UUID syncedShop(String name, OffsetDateTime lastSeen, Integer schemaVersion) {
        UUID id = shop(name);
        db.update(SHOPS)
                .set(SHOPS.SECRET_HASH, "x")
                .set(SHOPS.ENROLLED_AT, lastSeen)
                .set(SHOPS.LAST_SEEN_AT, lastSeen)
                .set(SHOPS.SCHEMA_VERSION, schemaVersion)
                .where(SHOPS.ID.eq(id))
                .execute();
        return id;
    }

    public void etlJob(UUID shopId, int failures, String lastError) {
        db.insertInto(ETL_JOBS)
                .set(ETL_JOBS.SHOP_ID, shopId)
                .set(ETL_JOBS.CONSECUTIVE_FAILURES, failures)
                .set(ETL_JOBS.LAST_ERROR, lastError)
                .onConflict(ETL_JOBS.SHOP_ID).doUpdate()
                .set(ETL_JOBS.CONSECUTIVE_FAILURES, failures)
                .set(ETL_JOBS.LAST_ERROR, lastError)
                .execute();
    }

    public void run(UUID shopId, String kind, OffsetDateTime startedAt, int rowsDone, Long rowsWaiting,
                    OffsetDateTime oldestWaitingAt, boolean ok, String error) {
        db.insertInto(SYNC_RUNS)
                .set(SYNC_RUNS.SHOP_ID, shopId)
                .set(SYNC_RUNS.KIND, kind)
                .set(SYNC_RUNS.STARTED_AT, startedAt)
                .set(SYNC_RUNS.FINISHED_AT, startedAt.plusSeconds(1))
                .set(SYNC_RUNS.ROWS_DONE, rowsDone)
                .set(SYNC_RUNS.ROWS_WAITING, rowsWaiting)
                .set(SYNC_RUNS.OLDEST_WAITING_AT, oldestWaitingAt)
                .set(SYNC_RUNS.OK, ok)
                .set(SYNC_RUNS.ERROR, error)
                .execute();
    }

    public long conflict(UUID shopId, String table, UUID recordId, String shopVersion, String hubVersion) {
        return db.insertInto(SYNC_CONFLICTS)
                .set(SYNC_CONFLICTS.SHOP_ID, shopId)
                .set(SYNC_CONFLICTS.TABLE_NAME, table)
                .set(SYNC_CONFLICTS.RECORD_ID, recordId)
                .set(SYNC_CONFLICTS.SHOP_VERSION, JSONB.valueOf(shopVersion))
                .set(SYNC_CONFLICTS.HUB_VERSION, JSONB.valueOf(hubVersion))
                .set(SYNC_CONFLICTS.RULE, "hub_wins")
                .set(SYNC_CONFLICTS.WINNER, "hub")
                .returning(SYNC_CONFLICTS.ID)
                .fetchSingle(SYNC_CONFLICTS.ID);
    }

    /** A completed order (kind sale or refund) as the ETL loads it. */
    public UUID order(UUID shopId, String kind, String status, long totalCents, OffsetDateTime createdAt) {
        UUID id = UUID.randomUUID();
        db.insertInto(SALES_ORDERS)
                .set(SALES_ORDERS.ID, id)
                .set(SALES_ORDERS.SHOP_ID, shopId)
                .set(SALES_ORDERS.RECEIPT_NO, RECEIPTS.getAndIncrement())
                .set(SALES_ORDERS.KIND, kind)
                .set(SALES_ORDERS.STATUS, status)
                .set(SALES_ORDERS.SUBTOTAL_CENTS, totalCents)
                .set(SALES_ORDERS.DISCOUNT_CENTS, 0L)
                .set(SALES_ORDERS.TAX_CENTS, 0L)
                .set(SALES_ORDERS.TOTAL_CENTS, totalCents)
                .set(SALES_ORDERS.ROUNDING_CENTS, 0L)
                .set(SALES_ORDERS.PAID_CENTS, totalCents)
                .set(SALES_ORDERS.CHANGE_CENTS, 0L)
                .set(SALES_ORDERS.CREATED_AT, createdAt)
                .execute();
        return id;
    }
}
