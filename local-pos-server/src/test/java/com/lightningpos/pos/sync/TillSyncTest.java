package com.lightningpos.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.etl.sync.testing.InProcessHub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real till server (Spring Boot, real SQLite file) enrolling with and syncing to a hub over
 * real HTTP on loopback: the hub is the in-process protocol hub behind a small HTTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TillSyncTest {

    static final String SHOP_ID = UUID.randomUUID().toString();
    static final Path DATA_DIR = temp("till-sync-");
    static final ReplicaStore REPLICAS = new ReplicaStore(temp("hub-replicas-"), Clock.systemUTC());
    static final InProcessHub HUB = new InProcessHub(REPLICAS, Clock.systemUTC());
    static final FakeHubServer SERVER = start();

    @DynamicPropertySource
    static void till(DynamicPropertyRegistry registry) {
        HUB.provisionCode("ABCD-EFGH-JKLM", SHOP_ID, "Corner shop", "issued-secret");
        registry.add("pos.data-dir", DATA_DIR::toString);
        registry.add("pos.hub-url", SERVER::url);
        registry.add("pos.enrolment-code", () -> "ABCD-EFGH-JKLM");
        registry.add("pos.sync-interval", () -> "1h");
    }

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    @Autowired
    SyncService sync;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void enrolledAtStart() {
        await(() -> SHOP_ID.equals(db.fetchValue("SELECT id FROM shop_config")) && !sync.status().state().equals("syncing"));
    }

    @AfterAll
    static void stopHub() {
        SERVER.close();
        REPLICAS.close();
    }

    @Test
    void the_till_enrols_at_start_and_keeps_its_secret_in_a_file_only_it_can_read() throws Exception {
        Path file = DATA_DIR.resolve("credentials.json");
        assertThat(Files.readString(file)).contains(SHOP_ID, "issued-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(db.fetchValue("SELECT sync_url FROM shop_config")).isEqualTo(SERVER.url());
    }

    @Test
    void a_sale_reaches_the_replica_when_the_cashier_asks_for_a_sync() throws Exception {
        sell(12);

        JsonNode result = post("/api/sync");

        assertThat(result.get("outcome").asText()).isEqualTo("ok");
        assertThat(result.at("/status/state").asText()).isEqualTo("online");
        assertThat(result.at("/status/pendingCount").asLong()).isZero();
        assertThat(result.at("/status/lastSyncedAt").isNull()).isFalse();
        assertThat(((Number) REPLICAS.dsl(SHOP_ID).fetchValue("SELECT count(*) FROM sales_orders WHERE receipt_no = 12")).intValue())
                .isEqualTo(1);
        assertThat(SERVER.gzipRequests.get()).as("the push body went compressed").isPositive();
    }

    @Test
    void the_status_shows_what_waits_and_why() throws Exception {
        sell(13);

        JsonNode status = get("/api/sync/status");

        assertThat(status.get("pendingCount").asLong()).as("one sale waits").isEqualTo(1);
        assertThat(status.get("pendingChanges").asLong()).as("order, line and payment rows").isEqualTo(3);
        assertThat(status.get("oldestPendingAt").isNull()).isFalse();
        assertThat(status.get("standalone").asBoolean()).isFalse();
        assertThat(status.get("needsUpdate").asBoolean()).isFalse();
        assertThat(status.get("localSchemaVersion").asInt()).isPositive();
        assertThat(status.at("/streams/salesUp/pendingCount").asLong()).isEqualTo(1);
        assertThat(status.has("quarantinedCount")).isTrue();
        assertThat(status.at("/bootstrap/inProgress").asBoolean()).isFalse();
        post("/api/sync");
    }

    @Test
    void a_second_sync_request_while_one_runs_is_skipped() throws Exception {
        SERVER.delayMillis = 400;
        try {
            CompletableFuture<SyncService.Result> first = CompletableFuture.supplyAsync(sync::syncNow);
            await(() -> sync.status().state().equals("syncing"));

            JsonNode second = post("/api/sync");

            assertThat(second.get("outcome").asText()).isEqualTo("skipped");
            assertThat(first.get().outcome()).isEqualTo("ok");
        } finally {
            SERVER.delayMillis = 0;
        }
    }

    @Test
    void the_status_stream_sends_status_events() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sync/events")).build();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());

        java.util.List<String> lines;
        try (var body = response.body()) {
            lines = body.limit(2).toList();
        }

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("event:status"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("data:{").contains("\"state\""));
    }

    @Test
    void a_till_restored_on_a_new_machine_from_the_hub_has_every_synced_sale() throws Exception {
        sell(14);
        post("/api/sync");
        Path newMachine = temp("restored-till-");
        Files.copy(DATA_DIR.resolve("credentials.json"), newMachine.resolve("credentials.json"));
        var env = new org.springframework.core.env.StandardEnvironment();
        env.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("restore",
                java.util.Map.of("pos.restore-from-hub", "true", "pos.data-dir", newMachine.toString())));

        new RestoreFromHub().onApplicationEvent(new org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent(
                new org.springframework.boot.DefaultBootstrapContext(), new org.springframework.boot.SpringApplication(), new String[0], env));

        var restored = org.jooq.impl.DSL.using(com.lightningpos.db.SqliteDatabases.openShopSchema(newMachine.resolve("shop.db")),
                org.jooq.SQLDialect.SQLITE);
        assertThat(restored.fetchValue("SELECT id FROM shop_config")).isEqualTo(SHOP_ID);
        assertThat(((Number) restored.fetchValue("SELECT count(*) FROM sales_orders WHERE receipt_no = 14")).intValue()).isEqualTo(1);
        assertThat(((Number) restored.fetchValue("SELECT cursor FROM sync_state WHERE stream = 'sales_up'")).longValue())
                .isEqualTo(REPLICAS.highWaterSeq(SHOP_ID));
    }

    void sell(int receiptNo) {
        String order = UUID.randomUUID().toString();
        db.transaction(c -> {
            c.dsl().execute("INSERT INTO sales_orders (id, shop_id, receipt_no, status, subtotal_cents, tax_cents, total_cents, paid_cents, created_at)"
                    + " VALUES (?, ?, ?, 'completed', 100, 0, 100, 100, '2026-03-01T10:00:00Z')", order, SHOP_ID, receiptNo);
            c.dsl().execute("INSERT INTO sales_order_items (id, shop_id, order_id, line_no, name, unit_price_cents, quantity_milli, subtotal_cents, tax_cents, total_cents)"
                    + " VALUES (?, ?, ?, 1, 'Tea', 100, 1000, 100, 0, 100)", UUID.randomUUID().toString(), SHOP_ID, order);
            c.dsl().execute("INSERT INTO sales_order_payments (id, shop_id, order_id, method, amount_cents, tendered_cents, created_at)"
                    + " VALUES (?, ?, ?, 'cash', 100, 100, '2026-03-01T10:00:00Z')", UUID.randomUUID().toString(), SHOP_ID, order);
        });
    }

    JsonNode get(String path) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    JsonNode post(String path) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static Path temp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static FakeHubServer start() {
        try {
            return new FakeHubServer(HUB);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
