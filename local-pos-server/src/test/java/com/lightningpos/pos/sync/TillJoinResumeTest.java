package com.lightningpos.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.etl.sync.JoinCatalogRequest;
import com.lightningpos.etl.sync.JoinCatalogResponse;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.testing.MutableClock;
import com.lightningpos.etl.sync.testing.ShopFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every join step is safe to repeat: a till killed or cut off between two steps resumes without doubling or losing anything. */
class TillJoinResumeTest {

    static final String ISSUED = UUID.randomUUID().toString();

    @TempDir
    Path dataDir;

    final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    final AtomicInteger catalogCalls = new AtomicInteger();
    ShopFixture till;
    TillJoin join;
    String localTea;
    StoredCredentials credentials;

    @BeforeEach
    void standaloneTillThatStartedToJoin() {
        till = new ShopFixture(dataDir, UUID.randomUUID().toString(), clock);
        localTea = UUID.randomUUID().toString();
        till.db.execute("INSERT INTO items (id, sku, barcode, name, price_cents, last_modified_shop_id, last_modified_at)"
                + " VALUES (?, 'TEA-1', '4006381333931', 'Tea', 250, ?, ?)", localTea, till.shopId, till.hlc());
        for (int i = 0; i < 5; i++) {
            till.sell(100 + i);
        }
        join = new TillJoin(dataDir, till.db, clock);
        join.beforeEnrolment();
        credentials = new StoredCredentials(ISSUED, "secret", "http://127.0.0.1:1", "Corner shop", clock.instant().toString());
        join.enrolled(ISSUED, 0);
    }

    @Test
    void starting_again_before_enrolment_keeps_the_first_copy() throws Exception {
        String first = join.record().orElseThrow().preEnrolmentFile();
        clock.advance(java.time.Duration.ofMinutes(5));

        join.beforeEnrolment();

        assertThat(join.record().orElseThrow().preEnrolmentFile()).isEqualTo(first);
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("pre-enrolment-"))).hasSize(1);
        }
    }

    @Test
    void sales_made_while_the_hub_could_not_be_reached_are_in_the_copy_the_undo_puts_back() throws Exception {
        String first = join.record().orElseThrow().preEnrolmentFile();
        clock.advance(java.time.Duration.ofMinutes(5));
        till.sell(500); // the enrolment failed (hub down), the till sold on standalone, then tries again

        join.beforeEnrolment();

        String copy = join.record().orElseThrow().preEnrolmentFile();
        assertThat(copy).isNotEqualTo(first);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(copy));
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM sales_orders")) {
            rs.next();
            assertThat(rs.getLong(1)).as("all six sales, the one after the first copy too").isEqualTo(6);
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("pre-enrolment-"))).hasSize(1);
        }
    }

    @Test
    void a_lost_catalog_answer_changes_nothing_and_the_next_attempt_finishes_the_step() throws Exception {
        String outboxBefore = outbox();
        JoinHub unreachable = hub(() -> {
            throw new TransportException("connection reset", null);
        });

        assertThatThrownBy(() -> join.matchCatalog(unreachable, credentials)).isInstanceOf(TransportException.class);

        assertThat(join.awaitingCatalog()).as("still started: nothing may be pushed yet").isTrue();
        assertThat(outbox()).isEqualTo(outboxBefore);
        assertThat(till.db.fetchValue("SELECT id FROM shop_config")).isEqualTo(till.shopId);

        join.matchCatalog(hub(this::answer), credentials);

        JoinRecord matched = join.record().orElseThrow();
        assertThat(matched.state()).isEqualTo(JoinRecord.CATALOG_MATCHED);
        assertThat(matched.historyTotal()).as("five sales of three rows each").isEqualTo(15);
        assertThat(till.db.fetchValue("SELECT id FROM shop_config")).isEqualTo(ISSUED);
        assertThat(till.count("SELECT count(*) FROM sync_changes WHERE shop_id = ?", ISSUED)).isEqualTo(15);
        assertThat(till.count("SELECT count(*) FROM sales_orders WHERE shop_id = ?", ISSUED)).isEqualTo(5);
    }

    @Test
    void a_crash_after_the_answer_was_applied_but_before_join_json_moved_on_repeats_the_step_harmlessly() throws Exception {
        new CatalogAnswerApplier().apply(till.db, answer()); // the transaction committed, then the till died
        String outboxAfterFirst = outbox();

        join.matchCatalog(hub(this::answer), credentials);

        assertThat(catalogCalls.get()).as("the hub is simply asked again").isEqualTo(2);
        assertThat(join.record().orElseThrow().state()).isEqualTo(JoinRecord.CATALOG_MATCHED);
        assertThat(till.count("SELECT count(*) FROM sync_changes")).isEqualTo(15);
        assertThat(outbox().replace(till.shopId, ISSUED)).isEqualTo(outboxAfterFirst.replace(till.shopId, ISSUED));
        assertThat(till.count("SELECT count(*) FROM items WHERE id = ?", CatalogAnswerApplierTest.HUB_TEA)).isEqualTo(1);
    }

    @Test
    void history_progress_counts_what_the_hub_acknowledged() throws Exception {
        join.matchCatalog(hub(this::answer), credentials);
        till.db.execute("UPDATE sync_state SET cursor = 6 WHERE stream = 'sales_up'");
        clock.advance(java.time.Duration.ofSeconds(30));

        SyncStatus.History history = join.history();

        assertThat(history.total()).isEqualTo(15);
        assertThat(history.uploaded()).isEqualTo(6);
        assertThat(history.remaining()).isEqualTo(9);
        assertThat(history.etaSeconds()).as("9 more at 6 per 30 s").isEqualTo(45);
        assertThat(history.state()).isEqualTo(JoinRecord.CATALOG_MATCHED);
    }

    /** The outbox in a form independent of the order of payload keys. */
    String outbox() {
        return till.db.fetch("SELECT seq, table_name, record_id, payload, shop_id FROM sync_changes ORDER BY seq").stream()
                .map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|"
                        + new java.util.TreeMap<>(com.lightningpos.etl.sync.SyncJson.readPayload(r.get(3, String.class))) + "|" + r.get(4))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    JoinCatalogResponse answer() {
        catalogCalls.incrementAndGet();
        return new JoinCatalogResponse(List.of(new JoinCatalogResponse.ItemOutcome(localTea, JoinCatalogResponse.MATCHED, CatalogAnswerApplierTest.HUB_TEA,
                CatalogAnswerApplierTest.hubTea(), List.of())));
    }

    interface Catalog {
        JoinCatalogResponse answer() throws TransportException;
    }

    static JoinHub hub(Catalog catalog) {
        return new JoinHub() {
            @Override
            public JoinCatalogResponse catalog(JoinCatalogRequest request) throws TransportException {
                return catalog.answer();
            }

            @Override
            public void verified() {
            }

            @Override
            public void undone() {
            }
        };
    }
}
