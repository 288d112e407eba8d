package com.lightningpos.hub.sync;

import static com.lightningpos.db.hub.Tables.HUB_SETTINGS;
import static com.lightningpos.db.hub.Tables.SHOPS;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.TokenRequest;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.hub.security.Secrets;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real hub (embedded PostgreSQL, real HTTP port) for the sync API tests; both test classes use
 * the same configuration, so Spring starts it once. Tests make their own shops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SyncApiTestBase.PushEvents.class)
abstract class SyncApiTestBase {

    static final String JWT_SECRET = "test-signing-secret-of-at-least-32-bytes!";
    static final int MAX_ROWS = 5;
    static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA_DIR::toString);
        registry.add("hub.jwt-secret", () -> JWT_SECRET);
        registry.add("hub.sync.max-batch-rows", () -> MAX_ROWS);
        registry.add("hub.sync.max-body-size", () -> "64KB");
        registry.add("hub.admin.password", () -> "test-admin-password");
        registry.add("hub.etl.enabled", () -> "false"); // the ETL would write catalog rows into replicas meanwhile
    }

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    @Autowired
    ReplicaStore replicas;

    @Autowired
    PushEvents events;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void restoreSettings() {
        setVersions(1, 1);
    }

    /** An enrolled, active shop with a known secret. */
    record Shop(String id, String secret) {
    }

    Shop newShop(boolean active) {
        UUID id = UUID.randomUUID();
        String secret = Secrets.newSecret(32);
        db.insertInto(SHOPS).set(SHOPS.ID, id).set(SHOPS.NAME, "Shop " + id.toString().substring(0, 8))
                .set(SHOPS.SECRET_HASH, Secrets.hash(secret)).set(SHOPS.IS_ACTIVE, active).execute();
        return new Shop(id.toString(), secret);
    }

    String token(Shop shop) throws Exception {
        HttpResponse<String> response = send("POST", SyncProtocol.TOKEN, null, 1,
                SyncJson.write(new TokenRequest(shop.id(), shop.secret())), Map.of());
        if (response.statusCode() != 200) {
            throw new AssertionError("token exchange failed: " + response.body());
        }
        return (String) SyncJson.mapper().readValue(response.body(), Map.class).get("token");
    }

    String expiredToken(Shop shop) {
        String hash = db.select(SHOPS.SECRET_HASH).from(SHOPS).where(SHOPS.ID.eq(UUID.fromString(shop.id()))).fetchOne().value1();
        return Jwts.builder().subject(shop.id())
                .issuedAt(Date.from(Instant.now().minusSeconds(3600)))
                .expiration(Date.from(Instant.now().minusSeconds(60)))
                .claim("sv", TokenService.secretVersion(hash))
                .signWith(new SecretKeySpec(JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), Jwts.SIG.HS256)
                .compact();
    }

    void setVersions(int required, int minUpload) {
        db.update(HUB_SETTINGS).set(HUB_SETTINGS.REQUIRED_SHOP_SCHEMA_VERSION, required)
                .set(HUB_SETTINGS.MIN_UPLOAD_SCHEMA_VERSION, minUpload).execute();
    }

    HttpResponse<String> send(String method, String path, String token, Integer schemaVersion, byte[] body,
                              Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (schemaVersion != null) {
            request.header(SyncProtocol.SCHEMA_HEADER, schemaVersion.toString());
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String code(HttpResponse<String> response) throws IOException {
        return (String) SyncJson.mapper().readValue(response.body(), Map.class).get("code");
    }

    /** A completed sale of {@code ownerShopId}: order, line and payment, seqs from {@code firstSeq}. */
    static PushRequest sale(String pushingShop, String ownerShopId, long firstSeq) {
        String order = UUID.randomUUID().toString();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", order);
        o.put("shop_id", ownerShopId);
        o.put("receipt_no", firstSeq);
        o.put("kind", "sale");
        o.put("status", "completed");
        o.put("subtotal_cents", 500);
        o.put("discount_cents", 0);
        o.put("tax_cents", 0);
        o.put("total_cents", 500);
        o.put("rounding_cents", 0);
        o.put("paid_cents", 500);
        o.put("change_cents", 0);
        o.put("created_at", "2026-03-01T10:00:00Z");
        String line = UUID.randomUUID().toString();
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("id", line);
        l.put("shop_id", ownerShopId);
        l.put("order_id", order);
        l.put("line_no", 1);
        l.put("name", "Bread");
        l.put("unit_price_cents", 500);
        l.put("quantity_milli", 1000);
        l.put("subtotal_cents", 500);
        l.put("tax_cents", 0);
        l.put("total_cents", 500);
        List<ChangeRow> rows = new ArrayList<>();
        rows.add(new ChangeRow(firstSeq, "sales_orders", order, ChangeOp.INSERT, o, null, null));
        rows.add(new ChangeRow(firstSeq + 1, "sales_order_items", line, ChangeOp.INSERT, l, null, null));
        return new PushRequest(pushingShop, firstSeq, firstSeq + 1, rows);
    }

    long replicaSales(Shop shop) {
        return ((Number) replicas.dsl(shop.id()).fetchValue("SELECT count(*) FROM sales_orders")).longValue();
    }

    long highWater(Shop shop) {
        return replicas.highWaterSeq(shop.id());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("hub-sync-test-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Collects the push events the hub publishes (on server threads). */
    @TestConfiguration
    static class PushEvents {
        final List<ShopChangesPushed> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ShopChangesPushed event) {
            received.add(event);
        }
    }
}
