package com.lightningpos.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.sync.JoinCatalogRequest;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.etl.sync.testing.InProcessHub;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A till that sold standalone (its own shop id, its own items) starts with a hub url and an
 * enrolment code: it keeps its old database, enrols, sends its catalog to the hub (here the
 * contract's join endpoints in front of the in-process hub), applies the answer, uploads its
 * history and ends verified. Real Spring Boot till, real SQLite file, real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TillJoinTest {

    static final String STANDALONE_ID = UUID.randomUUID().toString();
    static final String SHOP_ID = UUID.randomUUID().toString();
    static final String LOCAL_TEA = UUID.randomUUID().toString();
    static final String LOCAL_JAM = UUID.randomUUID().toString();
    static final String HUB_TEA = UUID.randomUUID().toString();
    static final int OLD_SALES = 20;
    static final Path DATA_DIR = TillSyncTest.temp("till-join-");
    static final ReplicaStore REPLICAS = new ReplicaStore(TillSyncTest.temp("hub-replicas-"), Clock.systemUTC());
    static final InProcessHub HUB = new InProcessHub(REPLICAS, Clock.systemUTC());
    static final FakeJoinHub JOIN_HUB = new FakeJoinHub(HUB, Map.of("4006381333931", hubTea()));
    static FakeHubServer server;

    @DynamicPropertySource
    static void till(DynamicPropertyRegistry registry) throws Exception {
        standaloneTill();
        JOIN_HUB.hubLoaded = false;
        server = new FakeHubServer(JOIN_HUB);
        HUB.provisionCode("JOIN-CODE-0001", SHOP_ID, "Corner shop", "issued-secret");
        registry.add("pos.data-dir", DATA_DIR::toString);
        registry.add("pos.hub-url", server::url);
        registry.add("pos.enrolment-code", () -> "JOIN-CODE-0001");
        registry.add("pos.sync-interval", () -> "1h");
    }

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    @Autowired
    SyncService sync;

    final HttpClient http = HttpClient.newHttpClient();

    /** The join state seen while PostgreSQL had not loaded the history yet (the first sync). */
    static String stateWhileHubLoading;

    /**
     * The till joins at start, while the fake hub says PostgreSQL has not loaded everything yet: the
     * join must wait. Then the hub has loaded it, and the next sync verifies the join.
     */
    @BeforeEach
    void joined() {
        if (stateWhileHubLoading == null) {
            TillSyncTest.await(() -> JOIN_HUB.consistencyChecks.get() > 0 && !sync.status().state().equals("syncing"));
            stateWhileHubLoading = new JoinFile(DATA_DIR).read().orElseThrow().state();
            JOIN_HUB.hubLoaded = true;
            sync.syncNow();
        }
        TillSyncTest.await(() -> new JoinFile(DATA_DIR).readQuietly().map(r -> r.is(JoinRecord.VERIFIED)).orElse(false));
    }

    @Test
    void the_join_is_not_verified_while_the_hub_has_not_loaded_the_history() {
        assertThat(stateWhileHubLoading).isEqualTo(JoinRecord.CATALOG_MATCHED);
        assertThat(JOIN_HUB.consistencyChecks.get()).isGreaterThanOrEqualTo(2);
    }

    @AfterAll
    static void stopHub() {
        server.close();
        REPLICAS.close();
    }

    @Test
    void every_old_sale_reaches_the_replica_once_under_the_issued_id_pointing_at_the_hubs_item() {
        DSLContext replica = REPLICAS.dsl(SHOP_ID);
        assertThat(count(replica, "SELECT count(*) FROM sales_orders WHERE shop_id = ? AND receipt_no <= ?", SHOP_ID, OLD_SALES)).isEqualTo(OLD_SALES);
        assertThat(count(replica, "SELECT count(DISTINCT id) FROM sales_orders WHERE receipt_no <= ?", OLD_SALES)).isEqualTo(OLD_SALES);
        assertThat(count(replica, "SELECT count(*) FROM sales_order_items WHERE item_id = ?", HUB_TEA)).isEqualTo(OLD_SALES / 2);
        assertThat(count(replica, "SELECT count(*) FROM sales_order_items WHERE item_id = ?", LOCAL_TEA)).isZero();
        assertThat(count(replica, "SELECT count(*) FROM sales_order_items WHERE item_id = ?", LOCAL_JAM)).isEqualTo(OLD_SALES / 2);
        assertThat(count(replica, "SELECT count(*) FROM items")).as("the standalone catalog edits were not uploaded").isZero();
    }

    @Test
    void the_till_holds_the_hubs_row_for_a_matched_item_and_its_own_for_a_proposed_one() {
        assertThat(db.fetchValue("SELECT name FROM items WHERE id = ?", HUB_TEA)).isEqualTo("Green tea");
        assertThat(db.fetchCount(DSL.table("items"), DSL.field("id").eq(LOCAL_TEA))).isZero();
        assertThat(db.fetchValue("SELECT name FROM items WHERE id = ?", LOCAL_JAM)).isEqualTo("Jam");
        assertThat(db.fetchValue("SELECT id FROM shop_config")).isEqualTo(SHOP_ID);
    }

    @Test
    void the_hub_got_the_catalog_with_the_size_of_the_history_and_heard_the_join_verified() {
        assertThat(JOIN_HUB.catalogRequests).hasSize(1);
        JoinCatalogRequest sent = JOIN_HUB.catalogRequests.get(0);
        assertThat(sent.historyChanges()).as("order, line and payment per sale").isEqualTo(OLD_SALES * 3L);
        assertThat(sent.items()).extracting(JoinCatalogRequest.Item::id).containsExactlyInAnyOrder(LOCAL_TEA, LOCAL_JAM);
        assertThat(sent.items()).filteredOn(i -> i.id().equals(LOCAL_TEA)).extracting(JoinCatalogRequest.Item::barcode)
                .containsExactly("4006 3813 33931");
        assertThat(JOIN_HUB.verifiedCalls.get()).isEqualTo(1);
    }

    @Test
    void the_sync_status_shows_the_history_uploaded_and_the_join_verified() throws Exception {
        JsonNode status = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/sync/status")).build(), HttpResponse.BodyHandlers.ofString()).body());

        assertThat(status.at("/history/state").asText()).isEqualTo("verified");
        assertThat(status.at("/history/total").asLong()).isEqualTo(OLD_SALES * 3L);
        assertThat(status.at("/history/uploaded").asLong()).isEqualTo(OLD_SALES * 3L);
        assertThat(status.at("/history/remaining").asLong()).isZero();
        assertThat(status.get("pendingCount").asLong()).as("existing fields stay").isZero();
        assertThat(status.get("state").asText()).isIn("online", "syncing");
    }

    @Test
    void the_pre_enrolment_copy_holds_the_standalone_till_as_it_was() {
        JoinRecord record = new JoinFile(DATA_DIR).read().orElseThrow();
        DSLContext copy = DSL.using(SqliteDatabases.dataSource(DATA_DIR.resolve(record.preEnrolmentFile())), SQLDialect.SQLITE);

        assertThat(record.standaloneShopId()).isEqualTo(STANDALONE_ID);
        assertThat(copy.fetchValue("SELECT id FROM shop_config")).isEqualTo(STANDALONE_ID);
        assertThat(count(copy, "SELECT count(*) FROM sales_orders WHERE shop_id = ?", STANDALONE_ID)).isEqualTo(OLD_SALES);
        assertThat(count(copy, "SELECT count(*) FROM items WHERE id = ?", LOCAL_TEA)).isEqualTo(1);
    }

    @Test
    void selling_goes_on_after_the_join_and_the_next_sync_uploads_it() {
        sync.syncNow();
        long before = count(REPLICAS.dsl(SHOP_ID), "SELECT count(*) FROM sales_orders");
        String order = UUID.randomUUID().toString();
        db.execute("INSERT INTO sales_orders (id, shop_id, receipt_no, status, subtotal_cents, tax_cents, total_cents, paid_cents, created_at)"
                + " VALUES (?, ?, 9999, 'completed', 299, 0, 299, 299, '2026-03-02T10:00:00Z')", order, SHOP_ID);

        assertThat(sync.syncNow().outcome()).isEqualTo("ok");

        assertThat(count(REPLICAS.dsl(SHOP_ID), "SELECT count(*) FROM sales_orders")).isEqualTo(before + 1);
    }

    @Test
    void undo_is_refused_once_the_join_is_verified() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new UndoEnrolment(s -> { }, new PrintStream(out, true), c -> { }, Clock.systemUTC()).undo(DATA_DIR);

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains("Refused");
        assertThat(db.fetchValue("SELECT id FROM shop_config")).isEqualTo(SHOP_ID);
    }

    static long count(DSLContext db, String sql, Object... binds) {
        return ((Number) db.fetchValue(sql, binds)).longValue();
    }

    /** The till as it was before it joined: its own id, two items (one the hub knows), sales of both. */
    static void standaloneTill() {
        DSLContext till = DSL.using(SqliteDatabases.openShopSchema(DATA_DIR.resolve("shop.db")), SQLDialect.SQLITE);
        till.execute("INSERT INTO shop_config (id, name, created_at) VALUES (?, 'Corner shop', '2026-01-01T00:00:00Z')", STANDALONE_ID);
        till.execute("INSERT INTO items (id, sku, barcode, name, price_cents, last_modified_shop_id, last_modified_at)"
                + " VALUES (?, 'TEA', '4006 3813 33931', 'Tea', 250, ?, '2026-01-02T00:00:00Z')", LOCAL_TEA, STANDALONE_ID);
        till.execute("INSERT INTO items (id, sku, barcode, name, price_cents, last_modified_shop_id, last_modified_at)"
                + " VALUES (?, 'JAM', '2000000000015', 'Jam', 400, ?, '2026-01-02T00:00:00Z')", LOCAL_JAM, STANDALONE_ID);
        for (int i = 1; i <= OLD_SALES; i++) {
            String order = UUID.randomUUID().toString();
            String item = i % 2 == 0 ? LOCAL_TEA : LOCAL_JAM;
            int receipt = i;
            till.transaction(c -> {
                DSLContext tx = c.dsl();
                tx.execute("INSERT INTO sales_orders (id, shop_id, receipt_no, status, subtotal_cents, tax_cents, total_cents, paid_cents, created_at)"
                        + " VALUES (?, ?, ?, 'completed', 250, 0, 250, 250, '2026-02-01T10:00:00Z')", order, STANDALONE_ID, receipt);
                tx.execute("INSERT INTO sales_order_items (id, shop_id, order_id, line_no, item_id, name, unit_price_cents, quantity_milli,"
                        + " subtotal_cents, tax_cents, total_cents) VALUES (?, ?, ?, 1, ?, 'x', 250, 1000, 250, 0, 250)",
                        UUID.randomUUID().toString(), STANDALONE_ID, order, item);
                tx.execute("INSERT INTO sales_order_payments (id, shop_id, order_id, method, amount_cents, tendered_cents, created_at)"
                        + " VALUES (?, ?, ?, 'cash', 250, 250, '2026-02-01T10:00:00Z')", UUID.randomUUID().toString(), STANDALONE_ID, order);
            });
        }
    }

    static Map<String, Object> hubTea() {
        Map<String, Object> row = new java.util.HashMap<>(CatalogAnswerApplierTest.hubTea());
        row.put("id", HUB_TEA);
        return row;
    }
}
