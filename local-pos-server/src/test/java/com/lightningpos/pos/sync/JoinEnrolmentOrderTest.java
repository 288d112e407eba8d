package com.lightningpos.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.etl.sync.testing.InProcessHub;
import com.lightningpos.etl.sync.testing.MutableClock;
import com.lightningpos.etl.sync.testing.ShopFixture;
import com.lightningpos.pos.config.PosProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A joining till notes the enrolment's answer (issued shop id, the hub's high-water mark) in
 * join.json before it writes credentials.json: once credentials exist the till never enrols again,
 * so a crash between the two would leave the join without the high-water mark, and its history
 * would be numbered from 1 where the hub already holds changes of the shop (skipped as seen).
 */
class JoinEnrolmentOrderTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path replicaDir;

    @Test
    void the_enrolment_answer_is_in_join_json_before_credentials_are_written() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
        ShopFixture till = new ShopFixture(dataDir, UUID.randomUUID().toString(), clock);
        till.sell(100);
        String issued = UUID.randomUUID().toString();
        InProcessHub hub = new InProcessHub(new ReplicaStore(replicaDir, clock), clock);
        hub.provisionCode("ORDER-CODE-0001", issued, "Corner shop", "issued-secret");
        // credentials.json cannot be written: stands for a crash right after the hub answered
        Files.createDirectories(dataDir.resolve(CredentialsStore.FILE_NAME + ".tmp").resolve("blocked"));
        try (FakeHubServer server = new FakeHubServer(hub)) {
            PosProperties properties = new PosProperties(dataDir, server.url(), "ORDER-CODE-0001", Duration.ofMinutes(5), null, 1,
                    "EUR", "Test", true, false);
            TillJoin join = new TillJoin(dataDir, till.db, clock);
            Enrolment enrolment = new Enrolment(properties, new CredentialsStore(dataDir), till.db, clock, join);

            assertThatThrownBy(enrolment::credentials).isInstanceOf(RuntimeException.class);

            JoinRecord record = join.record().orElseThrow();
            assertThat(record.state()).isEqualTo(JoinRecord.STARTED);
            assertThat(record.shopId()).as("the issued shop id, recorded before the credentials").isEqualTo(issued);
        }
    }
}
