package com.lightningpos.hub.consistency;

import static com.lightningpos.db.hub.Tables.SALES_ORDERS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.etl.pipeline.EtlJobRunner;
import com.lightningpos.etl.pipeline.Extractor;
import com.lightningpos.etl.pipeline.Loader;
import com.lightningpos.etl.pipeline.Propagator;
import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.etl.sync.ConsistencyReport;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.TableComparison;
import com.lightningpos.etl.sync.TableSummary;
import com.lightningpos.etl.sync.TokenRequest;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.config.HubProperties;
import com.lightningpos.hub.security.Secrets;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The three-tier check on real replicas and PostgreSQL, with differences planted in each tier: the
 * ETL runs by hand here (it is off in the shared hub), so the tiers agree until a test changes one.
 */
class ConsistencyCheckTest extends HubTestBase {

    @Autowired
    DSLContext db;
    @Autowired
    ReplicaStore replicas;
    @Autowired
    HubCatalog catalog;
    @Autowired
    Clock clock;
    @Autowired
    HubFixtures fixtures;
    @Autowired
    ConsistencyService consistency;
    @Autowired
    ConsistencyCheck check;
    @Autowired
    HubProperties hubProperties;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;

    private EtlJobRunner etl;
    private UUID shopA;
    private UUID shopB;

    @BeforeEach
    void twoShopsWithSalesLoadedIntoPostgresql() {
        etl = new EtlJobRunner(db, new Extractor(replicas::dataSource), new Loader(catalog),
                new Propagator(replicas::dataSource, clock, 500), clock, 500, "consistency-test");
        shopA = fixtures.shop(HubFixtures.unique("Consistency A"));
        shopB = fixtures.shop(HubFixtures.unique("Consistency B"));
        pushSales(shopA, 1, 3);
        pushSales(shopB, 1, 2);
        etl.run(shopA);
        etl.run(shopB);
        // the tills' own reports: after syncing, a till holds what its replica holds
        consistency.acceptShopReport(shopA, replicas.consistency(shopA.toString()));
        consistency.acceptShopReport(shopB, replicas.consistency(shopB.toString()));
    }

    @Test
    void everything_equal_is_consistent_on_all_three_tiers() {
        ConsistencyComparison a = consistency.checkShop(shopA);

        assertThat(a.consistent()).isTrue();
        assertThat(a.tables()).hasSize(11).allSatisfy(t -> {
            assertThat(t.differs()).as(t.table()).isFalse();
            assertThat(t.note()).as(t.table() + " compared on every tier").isNull();
            assertThat(t.shop()).isEqualTo(t.replica()).isEqualTo(t.hub());
        });
        assertThat(table(a, "sales_orders").hub().rows()).isEqualTo(3);
        assertThat(table(a, "items").hub().rows()).as("the whole catalog").isEqualTo(db.fetchCount(com.lightningpos.db.hub.Tables.ITEMS));
    }

    @Test
    void a_sale_total_changed_in_postgresql_makes_that_shop_and_sales_orders_differ_and_nothing_else() {
        UUID sale = db.select(SALES_ORDERS.ID).from(SALES_ORDERS).where(SALES_ORDERS.SHOP_ID.eq(shopA)).limit(1).fetchSingle().value1();
        db.update(SALES_ORDERS).set(SALES_ORDERS.TOTAL_CENTS, SALES_ORDERS.TOTAL_CENTS.plus(1)).where(SALES_ORDERS.ID.eq(sale)).execute();

        List<ConsistencyComparison> all = check.checkAll(done -> { });

        ConsistencyComparison a = all.stream().filter(c -> c.shopId().equals(shopA.toString())).findFirst().orElseThrow();
        ConsistencyComparison b = all.stream().filter(c -> c.shopId().equals(shopB.toString())).findFirst().orElseThrow();
        assertThat(a.consistent()).isFalse();
        assertThat(a.differing()).extracting(TableComparison::table).containsExactly("sales_orders");
        TableComparison orders = table(a, "sales_orders");
        assertThat(orders.hub().rows()).isEqualTo(orders.replica().rows());
        assertThat(orders.hub().checksum()).isNotEqualTo(orders.replica().checksum());
        assertThat(orders.shop()).isEqualTo(orders.replica());
        assertThat(orders.note()).contains("shop 3 rows").contains("≠ hub 3 rows");
        assertThat(b.consistent()).isTrue();

        assertThat(consistency.results(shopA)).filteredOn(ConsistencyResult::differs)
                .extracting(ConsistencyResult::table).containsExactly("sales_orders");
        assertThat(consistency.results(shopB)).noneMatch(ConsistencyResult::differs);
        assertThat(meters.get(ConsistencyService.DIFFERING_TABLES_GAUGE).gauge().value()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_row_deleted_from_a_replica_is_reported() {
        replicas.dsl(shopB).execute("DELETE FROM sales_order_items WHERE id = (SELECT min(id) FROM sales_order_items)");

        ConsistencyComparison b = consistency.checkShop(shopB);

        assertThat(b.differing()).extracting(TableComparison::table).containsExactly("sales_order_items");
        TableComparison lines = table(b, "sales_order_items");
        assertThat(lines.replica().rows()).isEqualTo(1);
        assertThat(lines.shop().rows()).isEqualTo(2);
        assertThat(lines.hub().rows()).isEqualTo(2);
        assertThat(lines.note()).contains("shop 2 rows").contains("replica 1 rows");
    }

    @Test
    void a_till_report_with_a_wrong_checksum_makes_the_shop_tier_differ() {
        ConsistencyReport own = replicas.consistency(shopA.toString());
        List<TableSummary> tables = new ArrayList<>(own.tables());
        tables.replaceAll(t -> t.table().equals("expenses") ? new TableSummary(t.table(), t.rows(), "00000000deadbeef") : t);

        ConsistencyComparison a = consistency.acceptShopReport(shopA, new ConsistencyReport(own.highWaterSeq(), tables));

        assertThat(a.differing()).extracting(TableComparison::table).containsExactly("expenses");
        TableComparison expenses = table(a, "expenses");
        assertThat(expenses.replica()).isEqualTo(expenses.hub());
        assertThat(expenses.shop().checksum()).isEqualTo("00000000deadbeef");
    }

    @Test
    void a_stale_shop_report_and_changes_not_yet_loaded_are_not_differences() {
        pushSales(shopA, 7, 1); // seqs 7-8: the replica moves on; the ETL has not loaded it, the till has not reported again

        ConsistencyComparison a = consistency.checkShop(shopA);

        assertThat(a.consistent()).isTrue();
        TableComparison orders = table(a, "sales_orders");
        assertThat(orders.replica().rows()).isEqualTo(4);
        assertThat(orders.note()).contains("shop report stale (taken at seq 6, the replica is at 8)")
                .contains("2 replica changes not yet loaded into PostgreSQL by the ETL");
        assertThat(consistency.needingAttention()).anyMatch(r -> r.shopId().equals(shopA) && !r.differs());
        assertThat(consistency.notComparedByShop()).filteredOn(r -> r.shopId().equals(shopA)).hasSize(1);

        etl.run(shopA);
        consistency.acceptShopReport(shopA, replicas.consistency(shopA.toString()));
        assertThat(consistency.checkShop(shopA).tables()).allSatisfy(t -> assertThat(t.note()).isNull());
    }

    @Test
    void the_command_exits_0_when_consistent_1_when_a_table_differs_and_2_for_an_unknown_shop() {
        assertThat(command(shopA.toString())).isEqualTo(ConsistencyCheckCommand.CONSISTENT);
        String consistentOutput = lastOutput;
        assertThat(consistentOutput).startsWith("Consistency check of 1 shop: consistent");

        db.update(SALES_ORDERS).set(SALES_ORDERS.TOTAL_CENTS, 1L).where(SALES_ORDERS.SHOP_ID.eq(shopA)).execute();
        assertThat(command(shopA.toString())).isEqualTo(ConsistencyCheckCommand.DIFFERS);
        assertThat(lastOutput).contains("1 shop, 1 table differs").contains("DIFFERENCES").contains("sales_orders")
                .contains(shopA.toString().substring(0, 8));

        assertThat(command(UUID.randomUUID().toString())).isEqualTo(ConsistencyCheckCommand.FAILED);
        assertThat(command("not-a-uuid")).isEqualTo(ConsistencyCheckCommand.FAILED);
    }

    @Test
    void the_till_posts_its_report_and_gets_the_three_tier_comparison() throws Exception {
        String secret = Secrets.newSecret(32);
        db.update(SHOPS).set(SHOPS.SECRET_HASH, Secrets.hash(secret)).where(SHOPS.ID.eq(shopB)).execute();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(request("POST", SyncProtocol.TOKEN, null,
                SyncJson.write(new TokenRequest(shopB.toString(), secret))), HttpResponse.BodyHandlers.ofString());
        String bearer = (String) SyncJson.mapper().readValue(token.body(), Map.class).get("token");

        HttpResponse<String> answer = http.send(request("POST", SyncProtocol.consistency(shopB.toString()), bearer,
                SyncJson.write(replicas.consistency(shopB.toString()))), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        ConsistencyComparison comparison = SyncJson.read(answer.body().getBytes(StandardCharsets.UTF_8), ConsistencyComparison.class);
        assertThat(comparison.shopId()).isEqualTo(shopB.toString());
        assertThat(comparison.consistent()).isTrue();
        assertThat(answer.body()).contains("\"table\":\"sales_orders\",\"shop\":{\"rows\":2,");

        HttpResponse<String> bad = http.send(request("POST", SyncProtocol.consistency(shopB.toString()), bearer,
                "{\"highWaterSeq\":4,\"tables\":[]}".getBytes(StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"code\":\"bad_report\"");
    }

    @Test
    void the_admin_api_lists_results_and_checks_a_shop() {
        TestRestTemplate admin = rest.withBasicAuth(ADMIN, ADMIN_PASSWORD);
        ResponseEntity<JsonNode> checked = admin.postForEntity("/api/admin/consistency/check?shopId=" + shopA, null, JsonNode.class);
        assertThat(checked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(checked.getBody().get("consistent").asBoolean()).isTrue();

        ResponseEntity<JsonNode> results = admin.getForEntity("/api/admin/consistency?shopId=" + shopA, JsonNode.class);
        assertThat(results.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(results.getBody().get("results")).hasSize(11);
        assertThat(results.getBody().get("differingTables").asInt()).isZero();

        ResponseEntity<JsonNode> unknown = admin.postForEntity("/api/admin/consistency/check?shopId=" + UUID.randomUUID(), null, JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("code").asText()).isEqualTo("not_found");

        ResponseEntity<JsonNode> all = admin.postForEntity("/api/admin/consistency/check", null, JsonNode.class);
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(all.getBody().get("checkAll").has("shopsTotal")).isTrue();
        awaitCheckAll(); // so that it does not run on into the next test
        assertThat(consistency.progress().error()).isNull();
        assertThat(consistency.progress().shopsDone()).isGreaterThanOrEqualTo(2);
    }

    private void awaitCheckAll() {
        for (int i = 0; i < 1200 && consistency.progress().running(); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(consistency.progress().running()).as("the check of all shops finished").isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private String lastOutput;

    private int command(String shop) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("command line", Map.of(
                ConsistencyCheckCommand.PROPERTY, "", ConsistencyCheckCommand.SHOP_PROPERTY, shop,
                "hub.data-dir", hubProperties.dataDir().toString())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ConsistencyCheckCommand.run(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        lastOutput = out.toString(StandardCharsets.UTF_8);
        return code;
    }

    private HttpRequest request(String method, String path, String bearer, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").header(SyncProtocol.SCHEMA_HEADER, "1");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b.build();
    }

    private static TableComparison table(ConsistencyComparison c, String name) {
        return c.tables().stream().filter(t -> t.table().equals(name)).findFirst().orElseThrow();
    }

    /** {@code count} sales (order + line) of {@code shop}, pushed to its replica from seq {@code firstSeq}. */
    private void pushSales(UUID shop, long firstSeq, int count) {
        List<ChangeRow> rows = new ArrayList<>();
        long seq = firstSeq;
        for (int i = 0; i < count; i++) {
            String order = UUID.randomUUID().toString();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("shop_id", shop.toString());
            o.put("receipt_no", seq);
            o.put("kind", "sale");
            o.put("status", "completed");
            o.put("subtotal_cents", 500 + i);
            o.put("discount_cents", 0);
            o.put("tax_cents", 0);
            o.put("total_cents", 500 + i);
            o.put("rounding_cents", 0);
            o.put("paid_cents", 500 + i);
            o.put("change_cents", 0);
            o.put("created_at", "2026-03-01T10:00:0" + i + ".000Z");
            o.put("id", order);
            rows.add(new ChangeRow(seq++, "sales_orders", order, ChangeOp.INSERT, o, null, shop.toString()));
            String line = UUID.randomUUID().toString();
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", line);
            l.put("shop_id", shop.toString());
            l.put("order_id", order);
            l.put("line_no", 1);
            l.put("name", "Bread");
            l.put("unit_price_cents", 500 + i);
            l.put("quantity_milli", 1000);
            l.put("tax_rate_bp", 0);
            l.put("tax_inclusive", 1);
            l.put("price_overridden", 0);
            l.put("discount_cents", 0);
            l.put("subtotal_cents", 500 + i);
            l.put("tax_cents", 0);
            l.put("total_cents", 500 + i);
            rows.add(new ChangeRow(seq++, "sales_order_items", line, ChangeOp.INSERT, l, null, shop.toString()));
        }
        replicas.applyPush(shop.toString(), new PushRequest(shop.toString(), firstSeq, seq - 1, rows));
    }
}
