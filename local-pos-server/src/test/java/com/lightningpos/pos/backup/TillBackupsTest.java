package com.lightningpos.pos.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.pos.config.PosProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups of a real shop database file: schedule, retention, and a snapshot taken beside a running write. */
class TillBackupsTest {

    @TempDir
    Path dataDir;

    DataSource db;
    MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    BackupScheduler scheduler;

    @BeforeEach
    void shopDatabase() {
        db = SqliteDatabases.openShopSchema(dataDir.resolve("shop.db"));
        PosProperties pos = new PosProperties(dataDir, null, null, Duration.ofMinutes(5), null, 1, "EUR", "Test", false, false);
        scheduler = new BackupScheduler(new BackupProperties(true, Duration.ofHours(6), 3, Duration.ofMinutes(1)), pos, db, clock);
    }

    @Test
    void retention_keeps_the_newest_and_deletes_the_oldest_files_and_rows() {
        for (int i = 0; i < 5; i++) {
            scheduler.backupNow();
            clock.advance(Duration.ofHours(6));
        }

        List<String> names = scheduler.backups().list().stream().map(TillBackups.Backup::name).toList();
        assertThat(names).containsExactly("shop-20250301T200000.000Z.db", "shop-20250302T020000.000Z.db",
                "shop-20250302T080000.000Z.db");
        assertThat(dsl().fetch("SELECT file_name FROM local_backups ORDER BY file_name").getValues(0, String.class)).containsExactlyElementsOf(names);
        assertThat(dataDir.resolve("backups")).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void a_backup_is_taken_when_the_newest_is_older_than_the_interval() {
        assertThat(scheduler.backupIfDue()).as("none yet").isPresent();
        clock.advance(Duration.ofHours(5).plusMinutes(59));
        assertThat(scheduler.backupIfDue()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.backupIfDue()).isPresent();
        assertThat(scheduler.backups().list()).hasSize(2);
    }

    @Test
    void a_backup_beside_an_open_write_transaction_holds_only_committed_rows() throws Exception {
        dsl().execute("INSERT INTO receipt_counters (shop_id, last_no) VALUES ('committed', 7)");
        TillBackups.Backup backup;
        try (Connection writer = db.getConnection(); Statement s = writer.createStatement()) {
            writer.setAutoCommit(false); // BEGIN IMMEDIATE: the write lock is held while the backup runs
            s.executeUpdate("INSERT INTO receipt_counters (shop_id, last_no) VALUES ('uncommitted', 9)");
            // The sale commits a moment later, while the backup waits to record itself in local_backups.
            var commitLater = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(500);
                    writer.commit();
                    writer.setAutoCommit(true); // sqlite-jdbc begins the next transaction at once otherwise
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            backup = scheduler.backupNow();
            commitLater.join();
        }

        DSLContext copy = DSL.using(TillBackups.readOnly(backup.file()), SQLDialect.SQLITE);
        assertThat(copy.fetchValue("PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(copy.fetch("SELECT shop_id FROM receipt_counters").getValues(0, String.class)).containsExactly("committed");
        assertThat(dsl().fetch("SELECT file_name FROM local_backups").getValues(0, String.class)).containsExactly(backup.name());
        assertThat(dsl().fetch("SELECT shop_id FROM receipt_counters ORDER BY shop_id").getValues(0, String.class)).containsExactly("committed", "uncommitted");
    }

    @Test
    void a_backup_is_found_by_name_or_as_latest() {
        TillBackups.Backup first = scheduler.backupNow();
        clock.advance(Duration.ofHours(1));
        TillBackups.Backup second = scheduler.backupNow();

        assertThat(scheduler.backups().resolve("latest").name()).isEqualTo(second.name());
        assertThat(scheduler.backups().resolve(first.name()).file()).isEqualTo(first.file());
        assertThat(TillBackups.timeOf(first.name())).contains(Instant.parse("2025-03-01T08:00:00Z"));
        assertThat(Files.exists(first.file())).isTrue();
    }

    private DSLContext dsl() {
        return DSL.using(db, SQLDialect.SQLITE);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
