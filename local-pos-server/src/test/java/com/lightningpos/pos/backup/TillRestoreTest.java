package com.lightningpos.pos.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.pos.PosApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The till's backup and restore commands for real: a till server started the way the jar starts it,
 * the backup command run as a separate JVM while that till sells, and the restore done by starting
 * the till with {@code --pos.restore-backup=latest}.
 */
class TillRestoreTest {

    @TempDir
    Path dataDir;

    @Test
    void backup_while_selling_then_restore_brings_back_the_older_sales_and_numbering_goes_on() throws Exception {
        String itemId;
        try (RunningTill till = RunningTill.start(dataDir)) {
            itemId = till.createItem();
            List<String> sold = List.of(till.sell(itemId).get("id").asText(), till.sell(itemId).get("id").asText());

            Command backup = command("--pos.backup-now=true");
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("Backup written:");
            Path file = new TillBackups(dataDir, Clock.systemUTC()).newest().orElseThrow().file();
            var copy = DSL.using(TillBackups.readOnly(file), SQLDialect.SQLITE);
            assertThat(copy.fetchValue("PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(copy.fetch("SELECT id FROM sales_orders").getValues(0, String.class)).as("the same sales")
                    .containsExactlyInAnyOrderElementsOf(sold);
            assertThat(till.bean(org.jooq.DSLContext.class).fetchValue("SELECT count(*) FROM local_backups WHERE file_name = ?",
                    file.getFileName().toString())).as("recorded by the command in the live database").isEqualTo(1);

            assertThat(till.sell(itemId).get("receiptNo").asLong()).isEqualTo(3);
            till.sell(itemId);
            till.sell(itemId);
            assertThat(till.orderCount()).isEqualTo(5);

            assertThatThrownBy(() -> new BackupRestorer(dataDir, Clock.systemUTC()).restore("latest", null, false))
                    .as("never replaces the database under a running till")
                    .hasMessageContaining("stop the till first");
        }

        Command list = command("--pos.list-backups=true");
        assertThat(list.exitCode()).isZero();
        assertThat(list.output()).containsPattern("shop-\\d{8}T\\d{6}\\.\\d{3}Z\\.db");

        try (RunningTill till = RunningTill.start(dataDir, "--pos.restore-backup=latest")) {
            assertThat(till.orderCount()).as("the two sales of the backup").isEqualTo(2);
            assertThat(till.sell(itemId).get("receiptNo").asLong())
                    .as("receipt numbers go on after the replaced database's, never repeat one").isEqualTo(6);
        }
        Path kept;
        try (Stream<Path> files = Files.list(dataDir)) {
            kept = files.filter(f -> f.getFileName().toString().startsWith("shop.db.before-restore-")
                    && !f.getFileName().toString().endsWith("-wal") && !f.getFileName().toString().endsWith("-shm"))
                    .findFirst().orElseThrow();
        }
        var old = DSL.using(TillBackups.readOnly(kept), SQLDialect.SQLITE);
        assertThat(old.fetchValue("SELECT count(*) FROM sales_orders", Integer.class)).as("the replaced database is kept whole").isEqualTo(5);

        try (RunningTill till = RunningTill.start(dataDir, "--pos.restore-backup=latest")) {
            assertThat(till.orderCount()).as("a restart with the same setting does not restore again").isEqualTo(3);
        }
    }

    // ---------------------------------------------------------------- a till and the command line

    record Command(int exitCode, String output) {
    }

    /** Runs the till's jar entry point as its own JVM, as an operator would. */
    Command command(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PosApplication.class.getName(),
                "--pos.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not end: " + new String(out, StandardCharsets.UTF_8));
        }
        return new Command(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
