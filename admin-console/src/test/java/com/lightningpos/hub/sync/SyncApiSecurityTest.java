package com.lightningpos.hub.sync;

import static com.lightningpos.db.hub.Tables.SHOPS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The security matrix of /sync/v1: for every endpoint, each way of calling it wrongly gets its
 * status and machine-readable code, and leaves the replicas exactly as they were.
 */
class SyncApiSecurityTest extends SyncApiTestBase {

    Shop a;
    Shop b;

    @BeforeEach
    void shops() {
        a = newShop(true);
        b = newShop(true);
    }

    /** Every endpoint that needs a token, as (method, path, body) for shop A. */
    List<Call> endpointsOf(Shop shop) {
        byte[] push = SyncJson.write(sale(shop.id(), shop.id(), 1));
        return List.of(
                new Call("GET", SyncProtocol.STATUS, null),
                new Call("POST", SyncProtocol.changes(shop.id()), push),
                new Call("GET", SyncProtocol.changes(shop.id()) + "?after=0&limit=10", null),
                new Call("GET", SyncProtocol.snapshot(shop.id()), null),
                new Call("GET", SyncProtocol.consistency(shop.id()), null),
                new Call("POST", SyncProtocol.joinCatalog(shop.id()), SyncJson.write(new com.lightningpos.etl.sync.JoinCatalogRequest(
                        3, List.of(new com.lightningpos.etl.sync.JoinCatalogRequest.Item(UUID.randomUUID().toString(), "S", null,
                                "Item", 100L, "each", null, null))))),
                new Call("POST", SyncProtocol.joinVerified(shop.id()), null),
                new Call("POST", SyncProtocol.joinUndone(shop.id()), null));
    }

    record Call(String method, String path, byte[] body) {
    }

    @Test
    void every_endpoint_answers_a_call_without_a_token_with_401_and_a_problem_not_a_redirect() throws Exception {
        for (Call call : endpointsOf(a)) {
            HttpResponse<String> response = send(call.method(), call.path(), null, 1, call.body(), Map.of());
            assertThat(response.statusCode()).as(call.path()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
            assertThat(code(response)).isEqualTo("unauthorized");
        }
        assertUnchanged(a);
    }

    @Test
    void every_endpoint_refuses_an_expired_token_with_token_expired() throws Exception {
        String expired = expiredToken(a);
        for (Call call : endpointsOf(a)) {
            HttpResponse<String> response = send(call.method(), call.path(), expired, 1, call.body(), Map.of());
            assertThat(response.statusCode()).as(call.path()).isEqualTo(401);
            assertThat(code(response)).isEqualTo("token_expired");
        }
        assertUnchanged(a);
    }

    @Test
    void a_forged_token_is_refused() throws Exception {
        String forged = token(a).replaceAll(".$", "x");
        HttpResponse<String> response = send("GET", SyncProtocol.STATUS, forged + "tampered", 1, null, Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("unauthorized");
    }

    @Test
    void shop_b_token_on_shop_a_paths_is_refused_with_shop_mismatch() throws Exception {
        String tokenB = token(b);
        for (Call call : endpointsOf(a)) {
            if (call.path().equals(SyncProtocol.STATUS)) {
                continue; // the status call has no shop in its path
            }
            HttpResponse<String> response = send(call.method(), call.path(), tokenB, 1, call.body(), Map.of());
            assertThat(response.statusCode()).as(call.path()).isEqualTo(403);
            assertThat(code(response)).isEqualTo("shop_mismatch");
        }
        assertUnchanged(a);
        assertUnchanged(b);
    }

    @Test
    void shop_a_pushing_a_row_of_shop_b_is_refused_and_nothing_is_applied() throws Exception {
        PushRequest foreign = sale(a.id(), b.id(), 1);

        HttpResponse<String> response = send("POST", SyncProtocol.changes(a.id()), token(a), 1, SyncJson.write(foreign), Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(code(response)).isEqualTo("shop_mismatch");
        assertUnchanged(a);
        assertUnchanged(b);
    }

    @Test
    void a_batch_naming_another_shop_is_refused() throws Exception {
        PushRequest namedB = sale(b.id(), a.id(), 1);
        HttpResponse<String> response = send("POST", SyncProtocol.changes(a.id()), token(a), 1, SyncJson.write(namedB), Map.of());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(code(response)).isEqualTo("shop_mismatch");
        assertUnchanged(a);
    }

    @Test
    void an_inactive_shop_is_refused_on_every_endpoint_and_cannot_get_a_token() throws Exception {
        String tokenA = token(a);
        db.update(SHOPS).set(SHOPS.IS_ACTIVE, false).where(SHOPS.ID.eq(UUID.fromString(a.id()))).execute();

        for (Call call : endpointsOf(a)) {
            HttpResponse<String> response = send(call.method(), call.path(), tokenA, 1, call.body(), Map.of());
            assertThat(response.statusCode()).as(call.path()).isEqualTo(403);
            assertThat(code(response)).isEqualTo("shop_inactive");
        }
        HttpResponse<String> tokenCall = send("POST", SyncProtocol.TOKEN, null, 1,
                SyncJson.write(new com.lightningpos.etl.sync.TokenRequest(a.id(), a.secret())), Map.of());
        assertThat(tokenCall.statusCode()).isEqualTo(403);
        assertThat(code(tokenCall)).isEqualTo("shop_inactive");
        assertUnchanged(a);
    }

    @Test
    void a_rotated_secret_stops_tokens_already_issued_on_the_next_call() throws Exception {
        String tokenA = token(a);
        db.update(SHOPS).setNull(SHOPS.SECRET_HASH).where(SHOPS.ID.eq(UUID.fromString(a.id()))).execute();

        HttpResponse<String> response = send("GET", SyncProtocol.STATUS, tokenA, 1, null, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("unauthorized");
    }

    @Test
    void a_wrong_secret_gets_no_token() throws Exception {
        HttpResponse<String> response = send("POST", SyncProtocol.TOKEN, null, 1,
                SyncJson.write(new com.lightningpos.etl.sync.TokenRequest(a.id(), "guess")), Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("bad_credentials");
    }

    @Test
    void a_too_old_till_gets_426_with_the_required_version_on_every_gated_endpoint() throws Exception {
        setVersions(3, 3);
        String tokenA = token(a);
        for (Call call : endpointsOf(a)) {
            HttpResponse<String> response = send(call.method(), call.path(), tokenA, 2, call.body(), Map.of());
            if (call.path().equals(SyncProtocol.STATUS)) {
                assertThat(response.statusCode()).as("status tells the required version").isEqualTo(200);
                assertThat(response.body()).contains("\"requiredSchemaVersion\":3");
                continue;
            }
            assertThat(response.statusCode()).as(call.path()).isEqualTo(426);
            assertThat(code(response)).isEqualTo("schema_update_required");
            assertThat(SyncJson.mapper().readValue(response.body(), Map.class).get("requiredVersion")).isEqualTo(3);
        }
        assertUnchanged(a);
    }

    @Test
    void a_till_one_version_behind_may_still_upload_but_not_download() throws Exception {
        setVersions(3, 2);
        String tokenA = token(a);

        HttpResponse<String> push = send("POST", SyncProtocol.changes(a.id()), tokenA, 2, SyncJson.write(sale(a.id(), a.id(), 1)), Map.of());
        HttpResponse<String> pull = send("GET", SyncProtocol.changes(a.id()) + "?after=0", tokenA, 2, null, Map.of());

        assertThat(push.statusCode()).isEqualTo(200);
        assertThat(pull.statusCode()).isEqualTo(426);
        assertThat(replicaSales(a)).isEqualTo(1);
    }

    @Test
    void a_call_without_the_schema_header_is_refused() throws Exception {
        HttpResponse<String> response = send("POST", SyncProtocol.changes(a.id()), token(a), null,
                SyncJson.write(sale(a.id(), a.id(), 1)), Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("schema_version_missing");
        assertUnchanged(a);
    }

    @Test
    void malformed_and_invalid_push_bodies_get_their_400_codes_and_change_nothing() throws Exception {
        String tokenA = token(a);
        PushRequest good = sale(a.id(), a.id(), 1);
        ChangeRow order = good.rows().get(0);
        String future = new Hlc(Instant.now().plus(Duration.ofHours(3)).toEpochMilli(), 0, a.id()).encode();

        Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("malformed_json", "{\"shopId\": \"".getBytes());
        bodies.put("malformed_json ", "[1,2,3]".getBytes());
        bodies.put("unknown_table", SyncJson.write(new PushRequest(a.id(), 1, 1,
                List.of(new ChangeRow(1, "console_users", order.recordId(), order.op(), order.payload(), null, null)))));
        bodies.put("bad_op", SyncJson.write(good).clone());
        String itemId = java.util.UUID.randomUUID().toString();
        Map<String, Object> futureItem = Map.of("id", itemId, "sku", "F-1", "name", "From the future", "price_cents", 100,
                "unit", "each", "active", 1, "last_modified_at", future, "version", 1, "deleted", 0);
        // Only catalog rows are held to the drift bound: their HLC decides conflicts (sales are not).
        bodies.put("hlc_too_far_ahead", SyncJson.write(new PushRequest(a.id(), 1, 1,
                List.of(new ChangeRow(1, "items", itemId, ChangeOp.INSERT, futureItem, future, null)))));
        bodies.put("batch_too_large", SyncJson.write(manyRows(MAX_ROWS + 1)));
        bodies.put("batch_too_large ", ("{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes());
        bodies.put("bad_batch", SyncJson.write(new PushRequest(a.id(), 1, 1, good.rows())));

        for (var entry : bodies.entrySet()) {
            byte[] body = entry.getKey().equals("bad_op")
                    ? new String(entry.getValue()).replace("\"INSERT\"", "\"UPSERT\"").getBytes() : entry.getValue();
            HttpResponse<String> response = send("POST", SyncProtocol.changes(a.id()), tokenA, 1, body, Map.of());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(code(response)).as(response.body()).isEqualTo(entry.getKey().strip());
        }
        assertUnchanged(a);
    }

    @Test
    void a_batch_after_a_gap_gets_409_with_where_to_resume() throws Exception {
        HttpResponse<String> response = send("POST", SyncProtocol.changes(a.id()), token(a), 1,
                SyncJson.write(sale(a.id(), a.id(), 7)), Map.of());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(code(response)).isEqualTo("seq_gap");
        assertThat(SyncJson.mapper().readValue(response.body(), Map.class).get("resumeFrom")).isEqualTo(1);
        assertUnchanged(a);
    }

    PushRequest manyRows(int n) {
        List<ChangeRow> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = UUID.randomUUID().toString();
            Map<String, Object> p = new HashMap<>();
            p.put("id", id);
            p.put("shop_id", a.id());
            rows.add(new ChangeRow(i, "expenses", id, com.lightningpos.etl.change.ChangeOp.INSERT, p, null, null));
        }
        return new PushRequest(a.id(), 1, n, rows);
    }

    void assertUnchanged(Shop shop) {
        assertThat(highWater(shop)).isZero();
        assertThat(replicaSales(shop)).isZero();
        assertThat(((Number) replicas.dsl(shop.id()).fetchValue("SELECT count(*) FROM replica_inbound_log")).longValue()).isZero();
        assertThat(db.select(SHOPS.LAST_PUSH_AT).from(SHOPS).where(SHOPS.ID.eq(UUID.fromString(shop.id()))).fetchOne().value1()).isNull();
        assertThat(db.fetchCount(com.lightningpos.db.hub.Tables.SHOP_JOINS,
                com.lightningpos.db.hub.Tables.SHOP_JOINS.SHOP_ID.eq(UUID.fromString(shop.id())))).isZero();
    }
}
