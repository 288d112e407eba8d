package com.lightningpos.hub.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.db.EmbeddedHubDatabase;
import com.lightningpos.db.SchemaKind;
import com.lightningpos.db.SchemaMigrator;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub backup and restore for real: an embedded PostgreSQL in the data directory and replica files
 * beside it are backed up, changed, and restored; the database and the replicas come back in the
 * older state, and the catalog change numbering continues past what a replica already queued.
 */
class HubBackupRestoreTest {

    @TempDir
    Path dataDir;

    final String shopA = UUID.randomUUID().toString();
    final String shopB = UUID.randomUUID().toString();

    @Test
    void back_up_change_restore_gives_the_older_state() throws Exception {
        HubBackups backups = new HubBackups(dataDir, Clock.systemUTC());
        HubBackups.Backup backup;
        try (EmbeddedHubDatabase server = EmbeddedHubDatabase.start(dataDir.resolve("postgres"), 0);
             HikariDataSource pool = pool(server);
             ReplicaStore replicas = new ReplicaStore(dataDir.resolve("replicas"), Clock.systemUTC())) {
            SchemaMigrator.migrate(SchemaKind.HUB, pool);
            DSLContext hub = DSL.using(pool, SQLDialect.POSTGRES);
            addShop(hub, shopA, "Old town");
            catalogChange(hub);
            catalogChange(hub);
            // A head-office edit numbered 50 reached shop A's replica after the dump was read.
            replicas.dsl(shopA).execute("INSERT INTO replica_outbound_log (hub_change_seq, table_name, record_id, op, payload, created_at)"
                    + " VALUES (50, 'items', ?, 'UPDATE', '{}', '2025-01-01T00:00:00Z')", UUID.randomUUID().toString());
            replicas.dsl(shopA).execute("UPDATE replica_state SET high_water_seq = 40 WHERE id = 1");

            backup = backups.create(new HubBackups.Source(pool, pool.getJdbcUrl(), pool.getUsername(), null));

            assertThat(backup.manifest().database().tables()).extracting(DatabaseDump.Table::name).contains("shops", "catalog_changes")
                    .doesNotContain("flyway_schema_history");
            assertThat(backup.manifest().replicas()).singleElement().satisfies(r -> {
                assertThat(r.shopId()).isEqualTo(shopA);
                assertThat(r.highWaterSeq()).isEqualTo(40);
            });
            HubBackups.Database db = backup.manifest().database();
            assertThat(db.pgDumpFile() != null || db.pgDumpSkipped() != null).as("pg_dump ran or the manifest says why not").isTrue();
            if (db.pgDumpFile() != null) {
                assertThat(backup.dir().resolve(db.pgDumpFile())).isNotEmptyFile();
            }

            addShop(hub, shopB, "New town");
            catalogChange(hub);
            replicas.dsl(shopA).execute("UPDATE replica_state SET high_water_seq = 90 WHERE id = 1");
            for (int seq = 51; seq <= 52; seq++) { // shop A pulled two more catalog rows (outbound seq 2 and 3)
                replicas.dsl(shopA).execute("INSERT INTO replica_outbound_log (hub_change_seq, table_name, record_id, op, payload, created_at)"
                        + " VALUES (?, 'items', ?, 'UPDATE', '{}', '2025-01-01T00:00:00Z')", seq, UUID.randomUUID().toString());
            }
            replicas.dsl(shopB).fetchOne("SELECT 1");

            assertThatThrownBy(() -> new HubRestorer(dataDir, Clock.systemUTC()).restore(backup.name(), 0))
                    .as("never under a running hub").hasMessageContaining("stop the hub first");
        }

        HubRestorer.Result result = new HubRestorer(dataDir, Clock.systemUTC()).restore("latest", 0);
        assertThat(result.restored()).isTrue();

        try (EmbeddedHubDatabase server = EmbeddedHubDatabase.start(dataDir.resolve("postgres"), 0);
             HikariDataSource pool = pool(server);
             ReplicaStore replicas = new ReplicaStore(dataDir.resolve("replicas"), Clock.systemUTC())) {
            SchemaMigrator.migrate(SchemaKind.HUB, pool); // what the hub does when it starts
            DSLContext hub = DSL.using(pool, SQLDialect.POSTGRES);
            assertThat(hub.fetch("SELECT id::text FROM shops").getValues(0, String.class)).containsExactly(shopA);
            assertThat(hub.fetchOne("SELECT count(*) FROM catalog_changes").get(0, Long.class)).isEqualTo(2);
            assertThat(catalogChange(hub)).as("numbered past the change shop A's replica holds").isGreaterThan(50);
            assertThat(replicas.highWaterSeq(shopA)).isEqualTo(40);
            assertThat(replicas.dsl(shopA).fetchOne("SELECT max(seq) FROM replica_outbound_log").get(0, Long.class)).isEqualTo(1);
            replicas.dsl(shopA).execute("INSERT INTO replica_outbound_log (hub_change_seq, table_name, record_id, op, payload, created_at)"
                    + " VALUES (53, 'items', ?, 'UPDATE', '{}', '2025-01-01T00:00:00Z')", UUID.randomUUID().toString());
            assertThat(replicas.dsl(shopA).fetchOne("SELECT max(seq) FROM replica_outbound_log").get(0, Long.class))
                    .as("numbered after the outbound rows shop A already pulled, so its cursor (3) does not hide it").isEqualTo(4);
            assertThat(replicas.exists(shopB)).isFalse();
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("postgres.before-restore-"))
                    .anyMatch(n -> n.startsWith("replicas.before-restore-"));
        }
        assertThat(new HubRestorer(dataDir, Clock.systemUTC()).restore("latest", 0).restored())
                .as("the same restore a second time is skipped").isFalse();
    }

    @Test
    void when_only_the_database_was_lost_the_replicas_on_disk_are_kept() throws Exception {
        HubBackups backups = new HubBackups(dataDir, Clock.systemUTC());
        try (EmbeddedHubDatabase server = EmbeddedHubDatabase.start(dataDir.resolve("postgres"), 0);
             HikariDataSource pool = pool(server);
             ReplicaStore replicas = new ReplicaStore(dataDir.resolve("replicas"), Clock.systemUTC())) {
            SchemaMigrator.migrate(SchemaKind.HUB, pool);
            addShop(DSL.using(pool, SQLDialect.POSTGRES), shopA, "Old town");
            replicas.dsl(shopA).execute("UPDATE replica_state SET high_water_seq = 40 WHERE id = 1");
            backups.create(new HubBackups.Source(pool, pool.getJdbcUrl(), pool.getUsername(), null));
            addShop(DSL.using(pool, SQLDialect.POSTGRES), shopB, "New town");
            replicas.dsl(shopA).execute("UPDATE replica_state SET high_water_seq = 90 WHERE id = 1");
        }

        assertThat(new HubRestorer(dataDir, Clock.systemUTC()).restore("latest", 0, true).restored()).isTrue();

        try (EmbeddedHubDatabase server = EmbeddedHubDatabase.start(dataDir.resolve("postgres"), 0);
             HikariDataSource pool = pool(server);
             ReplicaStore replicas = new ReplicaStore(dataDir.resolve("replicas"), Clock.systemUTC())) {
            assertThat(DSL.using(pool, SQLDialect.POSTGRES).fetch("SELECT id::text FROM shops").getValues(0, String.class))
                    .containsExactly(shopA);
            assertThat(replicas.highWaterSeq(shopA)).as("the newer replica stays; the ETL loads what it holds").isEqualTo(90);
        }
    }

    private static HikariDataSource pool(EmbeddedHubDatabase server) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl());
        ds.setUsername(server.username());
        ds.setMaximumPoolSize(2);
        return ds;
    }

    private static void addShop(DSLContext hub, String id, String name) {
        hub.execute("INSERT INTO shops (id, name) VALUES (?::uuid, ?)", id, name);
    }

    private static long catalogChange(DSLContext hub) {
        return hub.fetchOne("INSERT INTO catalog_changes (table_name, record_id, op, payload, hlc)"
                + " VALUES ('items', gen_random_uuid(), 'INSERT', '{}'::jsonb, '000000000000001-000000-hub') RETURNING seq").get(0, Long.class);
    }
}
