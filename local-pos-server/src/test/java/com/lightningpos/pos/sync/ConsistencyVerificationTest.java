package com.lightningpos.pos.sync;

import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.SYNC_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.change.TableChecksum;
import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.etl.sync.ConsistencyReport;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.TableComparison;
import com.lightningpos.etl.sync.TierSummary;
import com.lightningpos.etl.sync.TokenResponse;
import com.lightningpos.etl.sync.TransportRequest;
import com.lightningpos.etl.sync.TransportResponse;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.etl.sync.client.ShopCredentials;
import com.lightningpos.etl.sync.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till sends its own report, taken with nothing pending, and at most once per interval after syncs. */
class ConsistencyVerificationTest {

    static final String SHOP = "5b0f6a4e-3c1d-4f43-9b61-2f0d4c1b7a10";

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    final List<TransportRequest> posted = new CopyOnWriteArrayList<>();
    DSLContext db;
    HubApi hub;
    ConsistencyVerification verification;

    @BeforeEach
    void till() {
        db = DSL.using(SqliteDatabases.openShopSchema(dir.resolve("shop.db")), SQLDialect.SQLITE);
        db.update(SYNC_STATE).set(SYNC_STATE.CURSOR, 42L).where(SYNC_STATE.STREAM.eq("sales_up")).execute();
        hub = new HubApi(this::answer, new ShopCredentials(SHOP, "secret"), 3, clock);
        verification = new ConsistencyVerification(db, clock, Duration.ofHours(1));
    }

    @Test
    void the_report_at_the_pushed_high_water_mark_goes_to_the_hub_and_its_comparison_comes_back() throws Exception {
        ConsistencyComparison answer = verification.verifyWithHub(hub).orElseThrow();

        assertThat(answer.consistent()).isTrue();
        assertThat(posted).hasSize(1);
        TransportRequest request = posted.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(SyncProtocol.consistency(SHOP));
        ConsistencyReport sent = SyncJson.read(request.body(), ConsistencyReport.class);
        assertThat(sent.highWaterSeq()).isEqualTo(42);
        assertThat(sent).isEqualTo(TableChecksum.report(db, 42));
        assertThat(verification.lastComparison()).contains(answer);
    }

    @Test
    void nothing_is_sent_while_changes_wait_to_be_pushed() throws Exception {
        db.insertInto(SYNC_CHANGES).set(SYNC_CHANGES.TABLE_NAME, "expenses").set(SYNC_CHANGES.RECORD_ID, "e1")
                .set(SYNC_CHANGES.OP, "INSERT").set(SYNC_CHANGES.PAYLOAD, "{}").set(SYNC_CHANGES.CREATED_AT, "2026-11-25T10:00:00.000Z")
                .execute();

        assertThat(verification.verifyWithHub(hub)).isEmpty();
        assertThat(posted).isEmpty();
    }

    @Test
    void after_syncs_the_report_goes_at_most_once_per_interval() {
        verification.afterSync(hub);
        verification.afterSync(hub);
        assertThat(posted).hasSize(1);

        clock.advance(Duration.ofMinutes(59));
        verification.afterSync(hub);
        assertThat(posted).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        verification.afterSync(hub);
        assertThat(posted).hasSize(2);
    }

    private TransportResponse answer(TransportRequest request) {
        if (request.path().equals(SyncProtocol.TOKEN)) {
            return json(new TokenResponse("t", clock.instant().plus(Duration.ofHours(1))));
        }
        posted.add(request);
        TierSummary same = new TierSummary(0, "0000000000000000");
        return json(new ConsistencyComparison(SHOP, clock.instant(), true,
                List.of(new TableComparison("sales_orders", same, same, same, false, null))));
    }

    private static TransportResponse json(Object body) {
        return new TransportResponse(200, Map.of("Content-Type", "application/json"), SyncJson.write(body));
    }
}
