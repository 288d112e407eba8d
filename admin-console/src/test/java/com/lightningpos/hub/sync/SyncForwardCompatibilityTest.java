package com.lightningpos.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hub's half of the compatibility policy in docs/sync-protocol.md: a client that sends fields
 * this hub does not know (a newer v1 client) is served as if they were not there.
 */
class SyncForwardCompatibilityTest extends SyncApiTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void unknown_request_fields_are_ignored_on_token_and_push() throws Exception {
        Shop shop = newShop(true);
        byte[] tokenRequest = SyncJson.write(Map.of("shopId", shop.id(), "secret", shop.secret(),
                "clientVersion", "1.9.0", "capabilities", List.of("gzip", "v2-preview")));
        HttpResponse<String> token = send("POST", SyncProtocol.TOKEN, null, 1, tokenRequest, Map.of());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String bearer = (String) SyncJson.mapper().readValue(token.body(), Map.class).get("token");

        Map<String, Object> push = SyncJson.mapper().convertValue(sale(shop.id(), shop.id(), 1), Map.class);
        push.put("clientBatchId", "b-1");
        ((List<Map<String, Object>>) push.get("rows")).forEach(row -> row.put("origin", "till-2"));
        HttpResponse<String> response = send("POST", SyncProtocol.changes(shop.id()), bearer, 1, SyncJson.write(push), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(SyncJson.mapper().readValue(response.body(), Map.class)).containsEntry("ackedSeq", 2).containsEntry("applied", 2);
        assertThat(replicaSales(shop)).isEqualTo(1);
    }
}
