package com.lightningpos.hub.sync;

import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.sync.EnrolRequest;
import com.lightningpos.etl.sync.PullResponse;
import com.lightningpos.etl.sync.PushResponse;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.TokenRequest;
import com.lightningpos.etl.sync.replica.OutboundChange;
import com.lightningpos.hub.security.Secrets;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The sync API doing its job: enrol, token, push (plain and gzip), pull, snapshot, consistency. */
class SyncApiFlowTest extends SyncApiTestBase {

    @Test
    void a_push_is_applied_acknowledged_and_wakes_the_shops_etl_job() throws Exception {
        Shop a = newShop(true);

        HttpResponse<String> response = send("POST", SyncProtocol.changes(a.id()), token(a), 1,
                SyncJson.write(sale(a.id(), a.id(), 1)), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        PushResponse ack = SyncJson.read(response.body().getBytes(), PushResponse.class);
        assertThat(ack.ackedSeq()).isEqualTo(2);
        assertThat(ack.applied()).isEqualTo(2);
        assertThat(replicaSales(a)).isEqualTo(1);
        UUID id = UUID.fromString(a.id());
        assertThat(db.select(SHOPS.LAST_PUSH_AT).from(SHOPS).where(SHOPS.ID.eq(id)).fetchOne().value1()).isNotNull();
        assertThat(db.select(ETL_JOBS.WAKE_REQUESTED_AT).from(ETL_JOBS).where(ETL_JOBS.SHOP_ID.eq(id)).fetchOne().value1()).isNotNull();
        assertThat(events.received).contains(new ShopChangesPushed(id));
    }

    @Test
    void a_gzip_compressed_push_is_accepted_and_the_same_batch_again_changes_nothing() throws Exception {
        Shop a = newShop(true);
        byte[] body = gzip(SyncJson.write(sale(a.id(), a.id(), 1)));
        String token = token(a);

        HttpResponse<String> first = send("POST", SyncProtocol.changes(a.id()), token, 1, body, Map.of("Content-Encoding", "gzip"));
        HttpResponse<String> again = send("POST", SyncProtocol.changes(a.id()), token, 1, body, Map.of("Content-Encoding", "gzip"));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(SyncJson.read(again.body().getBytes(), PushResponse.class).skipped()).isEqualTo(2);
        assertThat(replicaSales(a)).isEqualTo(1);
    }

    @Test
    void a_body_that_claims_gzip_but_is_not_is_malformed() throws Exception {
        Shop a = newShop(true);
        HttpResponse<String> response = send("POST", SyncProtocol.changes(a.id()), token(a), 1,
                "not gzip".getBytes(), Map.of("Content-Encoding", "gzip"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("malformed_json");
    }

    @Test
    void large_pull_answers_are_gzip_compressed_when_the_client_accepts_it() throws Exception {
        Shop a = newShop(true);
        for (int i = 0; i < 20; i++) {
            replicas.appendOutbound(a.id(), List.of(new OutboundChange(1000 + i, item("Item number " + i))));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + SyncProtocol.changes(a.id()) + "?after=0&limit=50"))
                .header("Authorization", "Bearer " + token(a)).header(SyncProtocol.SCHEMA_HEADER, "1")
                .header("Accept-Encoding", "gzip").build();

        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] json = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body())).readAllBytes();
        PullResponse page = SyncJson.read(json, PullResponse.class);
        assertThat(page.rows()).hasSize(20);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void an_enrolment_code_gives_a_secret_once_and_the_secret_gives_tokens() throws Exception {
        UUID id = UUID.randomUUID();
        String code = Secrets.newEnrolmentCode();
        db.insertInto(SHOPS).set(SHOPS.ID, id).set(SHOPS.NAME, "New shop")
                .set(SHOPS.ENROLMENT_CODE_HASH, Secrets.hash(code))
                .set(SHOPS.ENROLMENT_EXPIRES_AT, OffsetDateTime.now().plusDays(1)).execute();

        HttpResponse<String> enrol = send("POST", SyncProtocol.ENROL, null, 2, SyncJson.write(new EnrolRequest(code.toLowerCase())), Map.of());

        assertThat(enrol.statusCode()).as(enrol.body()).isEqualTo(200);
        Map<?, ?> credentials = SyncJson.mapper().readValue(enrol.body(), Map.class);
        assertThat(credentials.get("shopId")).isEqualTo(id.toString());
        var shop = db.selectFrom(SHOPS).where(SHOPS.ID.eq(id)).fetchOne();
        assertThat(shop.getEnrolmentCodeHash()).isNull();
        assertThat(shop.getEnrolledAt()).isNotNull();
        assertThat(shop.getSchemaVersion()).isEqualTo(2);
        assertThat(token(new Shop(id.toString(), (String) credentials.get("secret")))).isNotBlank();
        // once the secret has been used the code is spent for good (a retry before that: JoinApiTest)
        HttpResponse<String> again = send("POST", SyncProtocol.ENROL, null, 2, SyncJson.write(new EnrolRequest(code)), Map.of());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(code(again)).isEqualTo("enrolment_code_invalid");
    }

    @Test
    void an_expired_enrolment_code_is_refused() throws Exception {
        String code = Secrets.newEnrolmentCode();
        db.insertInto(SHOPS).set(SHOPS.ID, UUID.randomUUID()).set(SHOPS.NAME, "Late shop")
                .set(SHOPS.ENROLMENT_CODE_HASH, Secrets.hash(code))
                .set(SHOPS.ENROLMENT_EXPIRES_AT, OffsetDateTime.now().minusMinutes(1)).execute();

        HttpResponse<String> response = send("POST", SyncProtocol.ENROL, null, 1, SyncJson.write(new EnrolRequest(code)), Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("expired");
    }

    @Test
    void the_snapshot_is_the_replica_file_and_consistency_reports_every_synced_table() throws Exception {
        Shop a = newShop(true);
        String token = token(a);
        send("POST", SyncProtocol.changes(a.id()), token, 1, SyncJson.write(sale(a.id(), a.id(), 1)), Map.of());

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + SyncProtocol.snapshot(a.id())))
                .header("Authorization", "Bearer " + token).header(SyncProtocol.SCHEMA_HEADER, "1").build();
        HttpResponse<byte[]> snapshot = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> consistency = send("GET", SyncProtocol.consistency(a.id()), token, 1, null, Map.of());

        assertThat(snapshot.statusCode()).isEqualTo(200);
        assertThat(new String(snapshot.body(), 0, 15)).isEqualTo("SQLite format 3");
        assertThat(consistency.statusCode()).isEqualTo(200);
        assertThat(consistency.body()).contains("\"table\":\"sales_orders\",\"rows\":1").contains("\"highWaterSeq\":2");
    }

    @Test
    void the_status_tells_a_shop_its_versions_and_high_water_mark() throws Exception {
        Shop a = newShop(true);
        setVersions(2, 1);
        HttpResponse<String> response = send("GET", SyncProtocol.STATUS, token(a), 1, null, Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"requiredSchemaVersion\":2", "\"minUploadSchemaVersion\":1", "\"highWaterSeq\":0");
    }

    @Test
    void the_token_endpoint_answers_malformed_json_with_a_problem() throws Exception {
        HttpResponse<String> response = send("POST", SyncProtocol.TOKEN, null, 1, "{".getBytes(), Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("malformed_json");
        assertThat(send("POST", SyncProtocol.TOKEN, null, 1, SyncJson.write(new TokenRequest("not-a-uuid", "x")), Map.of())
                .statusCode()).isEqualTo(401);
    }

    static ChangeRow item(String name) {
        String id = UUID.randomUUID().toString();
        return new ChangeRow(0, "items", id, ChangeOp.INSERT, Map.of("id", id, "sku", "S" + name.hashCode(), "name", name,
                "price_cents", 100, "last_modified_at", "000000000000001-000000-hub", "version", 1, "deleted", 0), null, null);
    }

    static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
