package com.lightningpos.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.sync.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndoEnrolmentTest {

    static final String STANDALONE = UUID.randomUUID().toString();
    static final String ISSUED = UUID.randomUUID().toString();

    @TempDir
    Path dataDir;

    final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final List<String> hubToldFor = new ArrayList<>();
    final UndoEnrolment command = new UndoEnrolment(status -> { }, new PrintStream(printed, true, StandardCharsets.UTF_8),
            credentials -> hubToldFor.add(credentials.shopId()), clock);
    TillJoin join;

    /** A standalone till with two sales starts a join, enrols and sells once more under the issued id. */
    @BeforeEach
    void joinedTill() {
        DSLContext db = open(dataDir.resolve("shop.db"));
        db.execute("INSERT INTO shop_config (id, name, created_at) VALUES (?, 'Corner shop', '2026-01-01T00:00:00Z')", STANDALONE);
        sell(db, STANDALONE, 1);
        sell(db, STANDALONE, 2);
        join = new TillJoin(dataDir, db, clock);
        join.beforeEnrolment();
        clock.advance(java.time.Duration.ofMinutes(1));
        new CredentialsStore(dataDir).write(new StoredCredentials(ISSUED, "secret", "http://127.0.0.1:1", "Corner shop", clock.instant().toString()));
        join.enrolled(ISSUED, 0);
        IdentityAdoption.adopt(db, ISSUED, "Corner shop", "http://127.0.0.1:1", clock.instant().toString());
        sell(db, ISSUED, 3);
    }

    @Test
    void the_join_starts_with_a_copy_of_the_database_as_it_was() {
        JoinRecord record = join.record().orElseThrow();

        assertThat(record.state()).isEqualTo(JoinRecord.STARTED);
        assertThat(record.preEnrolmentFile()).isEqualTo("pre-enrolment-20260301T090000Z.db");
        assertThat(record.standaloneShopId()).isEqualTo(STANDALONE);
        DSLContext copy = open(dataDir.resolve(record.preEnrolmentFile()));
        assertThat(count(copy, "SELECT count(*) FROM sales_orders WHERE shop_id = ?", STANDALONE)).isEqualTo(2);
    }

    @Test
    void undo_puts_the_pre_enrolment_database_back_and_keeps_the_enrolled_one_aside() throws Exception {
        int status = command.undo(dataDir, true);

        assertThat(status).isZero();
        DSLContext restored = open(dataDir.resolve("shop.db"));
        assertThat(restored.fetchValue("SELECT id FROM shop_config")).isEqualTo(STANDALONE);
        assertThat(count(restored, "SELECT count(*) FROM sales_orders")).isEqualTo(2);
        assertThat(dataDir.resolve("credentials.json")).doesNotExist();
        assertThat(dataDir.resolve("credentials.json.enrolled-20260301T090100Z")).exists();
        DSLContext kept = open(dataDir.resolve("shop.db.enrolled-20260301T090100Z"));
        assertThat(count(kept, "SELECT count(*) FROM sales_orders WHERE shop_id = ?", ISSUED)).as("nothing sold meanwhile is lost").isEqualTo(3);
        assertThat(new JoinFile(dataDir).read().orElseThrow().state()).isEqualTo(JoinRecord.UNDONE);
        assertThat(hubToldFor).containsExactly(ISSUED);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Enrolment undone", "pre-enrolment-20260301T090000Z.db");
    }

    @Test
    void undo_run_again_says_it_is_done_and_changes_nothing() throws Exception {
        command.undo(dataDir, true);
        long files = files();

        assertThat(command.undo(dataDir, true)).isZero();

        assertThat(files()).isEqualTo(files);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Already undone");
    }

    @Test
    void undo_is_refused_while_a_sale_made_since_the_enrolment_exists_only_in_the_enrolled_database() throws Exception {
        assertThat(command.undo(dataDir)).isEqualTo(1);

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("1 sale(s) were made since the enrolment",
                "--pos.undo-enrolment-force=true");
        DSLContext current = open(dataDir.resolve("shop.db"));
        assertThat(current.fetchValue("SELECT id FROM shop_config")).as("nothing moved").isEqualTo(ISSUED);
        assertThat(count(current, "SELECT count(*) FROM sales_orders")).isEqualTo(3);
        assertThat(dataDir.resolve("credentials.json")).exists();
        assertThat(new JoinFile(dataDir).read().orElseThrow().state()).isNotEqualTo(JoinRecord.UNDONE);
    }

    @Test
    void undo_is_refused_once_the_join_is_verified() throws Exception {
        JoinFile file = new JoinFile(dataDir);
        file.write(file.read().orElseThrow().verified("2026-03-01T10:00:00Z"));
        long files = files();

        assertThat(command.undo(dataDir)).isEqualTo(1);

        assertThat(files()).isEqualTo(files);
        assertThat(open(dataDir.resolve("shop.db")).fetchValue("SELECT id FROM shop_config")).isEqualTo(ISSUED);
        assertThat(dataDir.resolve("credentials.json")).exists();
        assertThat(hubToldFor).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Refused");
    }

    @Test
    void a_till_that_never_joined_has_nothing_to_undo() throws Exception {
        Files.delete(dataDir.resolve(JoinFile.FILE_NAME));

        assertThat(command.undo(dataDir)).isEqualTo(2);

        assertThat(open(dataDir.resolve("shop.db")).fetchValue("SELECT id FROM shop_config")).isEqualTo(ISSUED);
    }

    @Test
    void the_hub_being_unreachable_does_not_stop_the_undo() throws Exception {
        UndoEnrolment offline = new UndoEnrolment(status -> { }, new PrintStream(printed, true, StandardCharsets.UTF_8),
                credentials -> {
                    throw new java.io.IOException("connection refused");
                }, clock);

        assertThat(offline.undo(dataDir, true)).isZero();

        assertThat(open(dataDir.resolve("shop.db")).fetchValue("SELECT id FROM shop_config")).isEqualTo(STANDALONE);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("could not tell the hub");
    }

    long files() throws Exception {
        try (Stream<Path> all = Files.list(dataDir)) {
            return all.count();
        }
    }

    static DSLContext open(Path file) {
        return DSL.using(SqliteDatabases.openShopSchema(file), SQLDialect.SQLITE);
    }

    static long count(DSLContext db, String sql, Object... binds) {
        return ((Number) db.fetchValue(sql, binds)).longValue();
    }

    static void sell(DSLContext db, String shopId, int receiptNo) {
        String order = UUID.randomUUID().toString();
        db.execute("INSERT INTO sales_orders (id, shop_id, receipt_no, status, subtotal_cents, tax_cents, total_cents, paid_cents, created_at)"
                + " VALUES (?, ?, ?, 'completed', 100, 0, 100, 100, '2026-03-01T10:00:00Z')", order, shopId, receiptNo);
    }
}
