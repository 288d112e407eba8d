package com.lightningpos.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.config.HubProperties;
import com.lightningpos.hub.quarantine.QuarantineProvider;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/admin/alerts} and acknowledging, as a monitoring script sees them. */
class AlertsApiTest extends HubTestBase {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext db;
    @Autowired
    HubFixtures fixtures;
    @Autowired
    HubProperties hub;

    @Test
    void open_alerts_are_listed_with_shop_name_and_hint_and_can_be_acknowledged_once() {
        String name = HubFixtures.unique("ApiAlert");
        UUID shop = fixtures.syncedShop(name, OffsetDateTime.now(), 3);
        fixtures.etlJob(shop, 6, "boom");
        AlertProperties props = AlertRulesTest.properties(Map.of());
        new AlertEvaluator(db, new AlertChecks(db, props, hub,
                new StaticListableBeanFactory().getBeanProvider(QuarantineProvider.class)), props, Clock.systemUTC()).evaluate();
        TestRestTemplate admin = rest.withBasicAuth(ADMIN, ADMIN_PASSWORD);

        ResponseEntity<JsonNode> list = admin.getForEntity("/api/admin/alerts", JsonNode.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode alert = null;
        for (JsonNode a : list.getBody().get("open")) {
            if (a.get("subject").asText().equals(shop.toString())) {
                alert = a;
            }
        }
        assertThat(alert).isNotNull();
        assertThat(list.getBody().get("openCount").asInt()).isEqualTo(list.getBody().get("open").size());
        assertThat(alert.get("rule").asText()).isEqualTo("etl-errors");
        assertThat(alert.get("severity").asText()).isEqualTo("critical");
        assertThat(alert.get("shopName").asText()).isEqualTo(name);
        assertThat(alert.get("hint").asText()).contains("Errors");
        assertThat(alert.get("firstSeenAt").isNull()).isFalse();

        long id = alert.get("id").asLong();
        ResponseEntity<JsonNode> acked = admin.postForEntity("/api/admin/alerts/" + id + "/acknowledge", null, JsonNode.class);
        assertThat(acked.getStatusCode()).isEqualTo(HttpStatus.OK);
        // who acknowledged is asserted in AlertsE2ETest: in this shared test JVM the static security
        // holder CurrentUser reads is not always the request's (it depends on the tests run before)
        assertThat(acked.getBody().get("acknowledgedBy").isNull()).isFalse();
        assertThat(acked.getBody().get("acknowledgedAt").isNull()).isFalse();
        ResponseEntity<JsonNode> again = admin.postForEntity("/api/admin/alerts/" + id + "/acknowledge", null, JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("code").asText()).isEqualTo("alert_acknowledged");

        ResponseEntity<JsonNode> bad = admin.getForEntity("/api/admin/alerts?resolvedLimit=0", JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("code").asText()).isEqualTo("validation_failed");
    }
}
