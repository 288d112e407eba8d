package com.lightningpos.pos.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.etl.sync.HubStatus;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.PushResponse;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.TransportResponse;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.etl.sync.client.HubCallException;
import com.lightningpos.etl.sync.client.ShopCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What docs/sync-protocol.md's compatibility policy promises a v1 client, checked against the
 * till's real client ({@code HubApi} and its JSON reader): a hub that adds fields to its answers
 * (for instance the {@code deprecation} notice of the status answer) or answers with an error code
 * the client has never heard of does not break it.
 */
class ForwardCompatibilityTest {

    static final String SHOP = "0190f0a0-0000-7000-8000-000000000001";

    @Test
    void answers_with_fields_added_later_are_read_and_the_new_fields_ignored() throws Exception {
        HubApi hub = new HubApi(request -> switch (request.path()) {
            case SyncProtocol.TOKEN -> json(200, "{\"token\":\"t\",\"expiresAt\":\"2999-01-01T00:00:00Z\",\"scope\":[\"push\",\"pull\"]}");
            case SyncProtocol.STATUS -> json(200, "{\"requiredSchemaVersion\":3,\"minUploadSchemaVersion\":2,\"highWaterSeq\":41,"
                    + "\"quarantinedCount\":0,\"serverTime\":\"2025-06-01T10:00:00Z\","
                    + "\"deprecation\":{\"sunsetAt\":\"2027-06-30T00:00:00Z\",\"successor\":\"/sync/v2\",\"info\":\"https://example.com\"}}");
            default -> json(200, "{\"ackedSeq\":42,\"applied\":1,\"skipped\":0,\"quarantined\":[],\"loadEtaSeconds\":3}");
        }, new ShopCredentials(SHOP, "secret"), 3, Clock.systemUTC());

        HubStatus status = hub.status();
        PushResponse ack = hub.push(new PushRequest(SHOP, 42, 42, List.of()));

        assertThat(status.highWaterSeq()).isEqualTo(41);
        assertThat(status.requiredSchemaVersion()).isEqualTo(3);
        assertThat(status.serverTime()).isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
        assertThat(ack.ackedSeq()).isEqualTo(42);
    }

    @Test
    void an_error_code_added_later_reaches_the_client_as_status_code_and_sentence() {
        HubApi hub = new HubApi(request -> request.path().equals(SyncProtocol.TOKEN)
                ? json(200, "{\"token\":\"t\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}")
                : new TransportResponse(503, Map.of("Content-Type", "application/problem+json", "Retry-After", "60"),
                        ("{\"type\":\"about:blank\",\"title\":\"Maintenance\",\"status\":503,\"code\":\"maintenance_window\","
                                + "\"detail\":\"The hub is being upgraded; try again in a minute.\",\"retryAfterSeconds\":60}")
                                .getBytes(StandardCharsets.UTF_8)),
                new ShopCredentials(SHOP, "secret"), 3, Clock.systemUTC());

        assertThatThrownBy(hub::status).isInstanceOfSatisfying(HubCallException.class, e -> {
            assertThat(e.error().status()).as("the status class decides: 5xx = try again later").isEqualTo(503);
            assertThat(e.error().code()).isEqualTo("maintenance_window");
            assertThat(e.error().detail()).isEqualTo("The hub is being upgraded; try again in a minute.");
        });
    }

    private static TransportResponse json(int status, String body) {
        return new TransportResponse(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }
}
