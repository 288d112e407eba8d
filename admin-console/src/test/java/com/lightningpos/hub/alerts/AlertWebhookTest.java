package com.lightningpos.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.config.HubProperties;
import com.lightningpos.hub.quarantine.QuarantineProvider;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The webhook against a real local HTTP server: one POST per event, a 500 retried after the
 * back-off, and a restarted hub (a new webhook instance on the same database) sends nothing again.
 * Time is a settable clock, so the back-off is stepped over, not waited for.
 */
class AlertWebhookTest extends HubTestBase {

    @Autowired
    DSLContext db;
    @Autowired
    HubFixtures fixtures;
    @Autowired
    HubProperties hub;
    @Autowired
    ObjectMapper json;

    HttpServer server;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    volatile String failFirstCallFor;
    final SettableClock clock = new SettableClock(Instant.now());

    @BeforeEach
    void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            received.add(body);
            boolean fail = body.get("subject").asText().equals(failFirstCallFor);
            if (fail) {
                failFirstCallFor = null;
            }
            byte[] answer = (fail ? "down" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void opened_and_resolved_are_posted_once_each_and_a_500_is_retried_after_the_back_off() {
        UUID shop = fixtures.syncedShop(HubFixtures.unique("Webhook"), OffsetDateTime.now(), 3);
        fixtures.etlJob(shop, 8, "constraint violated");
        AlertProperties props = AlertRulesTest.properties(Map.of(
                "webhook-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                "console-url", "https://hub.example.com/"));
        AlertEvaluator evaluator = new AlertEvaluator(db, new AlertChecks(db, props, hub, noQuarantine()), props, clock);
        AlertWebhook webhook = new AlertWebhook(db, props, json, clock);
        failFirstCallFor = shop.toString();

        evaluator.evaluate();
        webhook.deliverDue();
        assertThat(eventsFor(shop)).as("the first call answered 500").hasSize(1);
        webhook.deliverDue();
        assertThat(eventsFor(shop)).as("not before the back-off").hasSize(1);

        clock.advance(AlertWebhook.FIRST_RETRY.plusSeconds(1));
        webhook.deliverDue();
        webhook.deliverDue();
        assertThat(eventsFor(shop)).as("retried once, then delivered").hasSize(2);
        JsonNode opened = eventsFor(shop).get(1);
        assertThat(opened.get("event").asText()).isEqualTo("opened");
        assertThat(opened.get("rule").asText()).isEqualTo("etl-errors");
        assertThat(opened.get("shopName").asText()).startsWith("Webhook-");
        assertThat(opened.get("severity").asText()).isEqualTo("critical");
        assertThat(opened.get("message").asText()).contains("failed 8 times");
        assertThat(Instant.parse(opened.get("since").asText())).isBeforeOrEqualTo(clock.instant());
        assertThat(opened.get("consoleUrl").asText()).isEqualTo("https://hub.example.com/alerts");

        evaluator.evaluate();
        webhook.deliverDue();
        assertThat(eventsFor(shop)).as("still open: nothing new to send").hasSize(2);

        fixtures.etlJob(shop, 0, null);
        evaluator.evaluate();
        webhook.deliverDue();
        assertThat(eventsFor(shop)).hasSize(3);
        assertThat(eventsFor(shop).get(2).get("event").asText()).isEqualTo("resolved");

        AlertWebhook afterRestart = new AlertWebhook(db, props, json, clock);
        clock.advance(Duration.ofHours(1));
        afterRestart.deliverDue();
        assertThat(eventsFor(shop)).as("a restarted hub sends nothing again").hasSize(3);
    }

    @Test
    void without_a_webhook_url_nothing_is_queued_for_later() {
        UUID shop = fixtures.syncedShop(HubFixtures.unique("NoWebhook"), OffsetDateTime.now(), 3);
        fixtures.etlJob(shop, 8, "boom");
        AlertProperties off = AlertRulesTest.properties(Map.of());
        new AlertEvaluator(db, new AlertChecks(db, off, hub, noQuarantine()), off, clock).evaluate();

        AlertProperties on = AlertRulesTest.properties(Map.of(
                "webhook-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook"));
        new AlertWebhook(db, on, json, clock).deliverDue();
        assertThat(eventsFor(shop)).as("alerts from before the webhook was set are not replayed").isEmpty();
    }

    private List<JsonNode> eventsFor(UUID shop) {
        return received.stream().filter(e -> e.get("subject").asText().equals(shop.toString())).toList();
    }

    private static org.springframework.beans.factory.ObjectProvider<QuarantineProvider> noQuarantine() {
        return new StaticListableBeanFactory().getBeanProvider(QuarantineProvider.class);
    }

    /** A clock the test moves forward by hand. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
