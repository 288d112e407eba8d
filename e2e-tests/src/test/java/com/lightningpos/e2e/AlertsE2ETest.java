package com.lightningpos.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.BrowserFixture;
import com.lightningpos.e2e.support.HubProcess;
import com.lightningpos.e2e.support.JsonHttp;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alerts in the real hub jar: evaluated in the background every second, with a database size limit
 * the hub is already over (1 MB), so the hub-database-full alert opens; the webhook receiver (a JDK
 * HttpServer in this JVM) gets "opened" once; the console's Alerts view shows it and acknowledges it;
 * the dashboard counts it. Restarted with a 1 TB limit, the alert resolves: "resolved" arrives once
 * and "opened" is not sent again.
 */
class AlertsE2ETest {

    private static final String NAME = "AlertsE2ETest";
    private static final LocatorAssertions.IsVisibleOptions SLOW = new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);

    private static HttpServer receiver;
    private static final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private static HubProcess hub;
    private static BrowserFixture browser;

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            events.add(JsonHttp.MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        hub = HubProcess.create(NAME, "--hub.alerts.interval=1s",
                "--hub.alerts.webhook-url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "--hub.alerts.console-url=https://hub.example.com");
    }

    @AfterAll
    static void stopAll() {
        try {
            if (browser != null) {
                browser.close();
            }
            if (hub != null) {
                hub.stop();
            }
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void database_limit_alert_opens_is_posted_shown_acknowledged_and_resolves_after_a_restart_with_a_higher_limit() {
        hub.startWith("--hub.alerts.database-max-bytes=1MB");
        JsonNode alert = await("the alert is open", () -> openDatabaseAlert());
        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("message").asText()).contains("MB allowed");
        List<JsonNode> opened = await("the webhook got the opened event", () -> webhookEvents("opened").isEmpty() ? null : webhookEvents("opened"));
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).path("rule").asText()).isEqualTo("hub-database-full");
        assertThat(opened.get(0).path("consoleUrl").asText()).isEqualTo("https://hub.example.com/alerts");

        browser = BrowserFixture.launch(NAME);
        Page page = browser.page();
        logIn(page);
        assertThat(page.locator("#total-open-alerts")).hasText(Pattern.compile("[1-9]\\d*"));
        assertThat(page.locator("vaadin-side-nav")).containsText("Alerts");
        browser.screenshot("dashboard-open-alerts");

        page.navigate(hub.baseUrl() + "/alerts");
        assertThat(page.locator("#alerts-open")).isVisible(SLOW);
        assertThat(page.locator("#alerts-open")).containsText("Hub storage nearly full");
        assertThat(page.locator("#alerts-open")).containsText("critical");
        assertThat(page.locator("#alerts-open")).containsText("On call: the hub is down");
        browser.screenshot("alerts-open");
        page.locator("#acknowledge-" + alert.path("id").asLong()).click();
        assertThat(page.locator("#alerts-open")).containsText(HubProcess.ADMIN_USER + ", ");
        browser.screenshot("alerts-acknowledged");
        assertThat(openDatabaseAlert().path("acknowledgedBy").asText()).isEqualTo(HubProcess.ADMIN_USER);

        hub.stop();
        hub.startWith("--hub.alerts.database-max-bytes=1TB");
        await("the alert resolved", () -> openDatabaseAlert() == null ? Boolean.TRUE : null);
        List<JsonNode> resolved = await("the webhook got the resolved event",
                () -> webhookEvents("resolved").isEmpty() ? null : webhookEvents("resolved"));
        assertThat(resolved).hasSize(1);
        assertThat(webhookEvents("opened")).as("the restarted hub did not send 'opened' again").hasSize(1);

        logIn(page); // the restart ended the session
        page.navigate(hub.baseUrl() + "/alerts");
        assertThat(page.locator("#alerts-resolved")).containsText("Hub storage nearly full", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        browser.screenshot("alerts-resolved");
    }

    private static void logIn(Page page) {
        page.navigate(hub.baseUrl() + "/login");
        page.locator("input[name=username]").fill(HubProcess.ADMIN_USER);
        page.locator("input[name=password]").fill(hub.adminPassword());
        page.locator("vaadin-button[slot=submit], vaadin-login-form vaadin-button").first().click();
        page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(20_000));
    }

    private static JsonNode openDatabaseAlert() {
        for (JsonNode a : hub.admin().get("/api/admin/alerts").json().path("open")) {
            if (a.path("rule").asText().equals("hub-database-full") && a.path("subject").asText().equals("database")) {
                return a;
            }
        }
        return null;
    }

    private static List<JsonNode> webhookEvents(String event) {
        return events.stream().filter(e -> e.path("subject").asText().equals("database"))
                .filter(e -> e.path("event").asText().equals(event)).toList();
    }

    private static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Timed out waiting until " + what);
    }
}
