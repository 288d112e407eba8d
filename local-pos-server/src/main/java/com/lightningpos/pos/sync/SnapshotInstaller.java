package com.lightningpos.pos.sync;

import static com.lightningpos.db.shop.Tables.RECEIPT_COUNTERS;
import static com.lightningpos.db.shop.Tables.REPLICA_INBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_OUTBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_QUARANTINE;
import static com.lightningpos.db.shop.Tables.REPLICA_STATE;
import static com.lightningpos.db.shop.Tables.SALES_ORDERS;
import static com.lightningpos.db.shop.Tables.SHOP_CONFIG;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.SYNC_CONTEXT;
import static com.lightningpos.db.shop.Tables.SYNC_STATE;

import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.sync.client.SyncStream;
import com.lightningpos.pos.catalog.ItemSearchIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a downloaded replica snapshot into this till's database: the replica's own bookkeeping is
 * dropped, the cursors say "the hub has everything up to here" (so nothing is sent twice or pulled
 * twice), the shop identity and receipt counters are restored, and the old file is kept aside.
 * Refuses to replace a database that still holds changes the hub does not have.
 */
final class SnapshotInstaller {

    private static final Logger log = LoggerFactory.getLogger(SnapshotInstaller.class);

    private final Path dataDir;
    private final Path database;

    SnapshotInstaller(Path dataDir) {
        this.dataDir = dataDir;
        this.database = dataDir.resolve("shop.db");
    }

    void install(byte[] snapshot, StoredCredentials credentials, String hubUrl, Instant now) throws IOException {
        refuseIfUnsyncedChanges();
        Files.createDirectories(dataDir);
        Path incoming = dataDir.resolve("restore-" + now.toEpochMilli() + ".db");
        Files.write(incoming, snapshot);
        prepare(incoming, credentials, hubUrl, now);
        if (Files.exists(database)) {
            Path aside = Files.createDirectories(dataDir.resolve("before-restore-" + now.toEpochMilli()));
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Path file = dataDir.resolve("shop.db" + suffix);
                if (Files.exists(file)) {
                    Files.move(file, aside.resolve(file.getFileName()));
                }
            }
            log.info("The previous database was moved to {}", aside);
        }
        Files.move(incoming, database, StandardCopyOption.ATOMIC_MOVE);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Files.deleteIfExists(dataDir.resolve(incoming.getFileName() + suffix));
        }
        log.info("Restored shop {} from the hub's replica", credentials.shopId());
    }

    /**
     * True when the data directory already holds this shop's database with nothing waiting to go up:
     * a restore would only replace it with the same data (the restore flag was left on after the
     * restore it was meant for).
     */
    boolean alreadyHolds(String shopId) {
        if (!Files.exists(database)) {
            return false;
        }
        DSLContext current = DSL.using(SqliteDatabases.dataSource(database), SQLDialect.SQLITE);
        return shopId.equals(current.select(SHOP_CONFIG.ID).from(SHOP_CONFIG).limit(1).fetchOne(SHOP_CONFIG.ID))
                && current.fetchCount(SYNC_CHANGES, SYNC_CHANGES.SYNC_STATUS.eq("pending")) == 0;
    }

    void refuseIfUnsyncedChanges() {
        if (!Files.exists(database)) {
            return;
        }
        DSLContext current = DSL.using(SqliteDatabases.dataSource(database), SQLDialect.SQLITE);
        int pending = current.fetchCount(SYNC_CHANGES, SYNC_CHANGES.SYNC_STATUS.eq("pending"));
        if (pending > 0) {
            throw new IllegalStateException("This till has " + pending + " change(s) the hub does not have yet; restoring would lose them."
                    + " Sync first, or move " + database + " away if it is really lost.");
        }
    }

    private static void prepare(Path file, StoredCredentials credentials, String hubUrl, Instant now) {
        DSLContext db = DSL.using(SqliteDatabases.openShopSchema(file), SQLDialect.SQLITE);
        db.transaction(c -> {
            DSLContext tx = c.dsl();
            long highWater = tx.select(REPLICA_STATE.HIGH_WATER_SEQ).from(REPLICA_STATE).fetchOptional(REPLICA_STATE.HIGH_WATER_SEQ).orElse(0L);
            Long catalog = tx.select(DSL.max(REPLICA_OUTBOUND_LOG.SEQ)).from(REPLICA_OUTBOUND_LOG).fetchOne(0, Long.class);
            tx.deleteFrom(REPLICA_INBOUND_LOG).execute();
            tx.deleteFrom(REPLICA_OUTBOUND_LOG).execute();
            tx.deleteFrom(REPLICA_QUARANTINE).execute();
            tx.deleteFrom(REPLICA_STATE).execute();
            // A replica does not keep the search index (its triggers skip it): build it for the till.
            ItemSearchIndex.rebuild(tx);
            tx.deleteFrom(SYNC_CHANGES).execute();
            tx.update(SYNC_CONTEXT).set(SYNC_CONTEXT.APPLYING_REMOTE, false).setNull(SYNC_CONTEXT.HLC).execute();
            // New outbox seqs must continue after what the hub has: a seq at or below its high-water
            // mark would be skipped as already applied.
            if (tx.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'sync_changes'", highWater) == 0) {
                tx.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('sync_changes', ?)", highWater);
            }
            tx.update(SYNC_STATE).set(SYNC_STATE.CURSOR, highWater).setNull(SYNC_STATE.LAST_ERROR)
                    .where(SYNC_STATE.STREAM.eq(SyncStream.SALES_UP.key())).execute();
            tx.update(SYNC_STATE).set(SYNC_STATE.CURSOR, catalog == null ? 0L : catalog).setNull(SYNC_STATE.LAST_ERROR)
                    .where(SYNC_STATE.STREAM.eq(SyncStream.CATALOG_DOWN.key())).execute();
            tx.deleteFrom(SHOP_CONFIG).execute();
            tx.insertInto(SHOP_CONFIG)
                    .set(SHOP_CONFIG.ID, credentials.shopId())
                    .set(SHOP_CONFIG.NAME, credentials.shopName() == null ? "Shop" : credentials.shopName())
                    .set(SHOP_CONFIG.SYNC_URL, hubUrl)
                    .set(SHOP_CONFIG.IS_ACTIVE, true)
                    .set(SHOP_CONFIG.ENROLLED_AT, credentials.enrolledAt())
                    .set(SHOP_CONFIG.CREATED_AT, now.toString())
                    .execute();
            tx.deleteFrom(RECEIPT_COUNTERS).execute();
            tx.insertInto(RECEIPT_COUNTERS, RECEIPT_COUNTERS.SHOP_ID, RECEIPT_COUNTERS.LAST_NO)
                    .select(DSL.select(SALES_ORDERS.SHOP_ID, DSL.max(SALES_ORDERS.RECEIPT_NO)).from(SALES_ORDERS).groupBy(SALES_ORDERS.SHOP_ID))
                    .execute();
        });
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
}
