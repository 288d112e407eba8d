package com.lightningpos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.BrowserFixture;
import com.lightningpos.e2e.support.Catalog;
import com.lightningpos.e2e.support.HubProcess;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.e2e.support.PosProcess;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sync status panel of a till enrolled with a hub (both real processes): it shows Online, turns
 * Offline within a second of the browser losing the network, and coming back online makes it sync
 * and show Online again. With the hub down the till keeps selling, the panel says so and counts the
 * sales waiting; Sync now after the hub is back uploads them. Screenshots in
 * target/e2e-artifacts/SyncPanelOfflineE2ETest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncPanelOfflineE2ETest {

    private static final String NAME = "SyncPanelOfflineE2ETest";

    private static HubProcess hub;
    private static PosProcess pos;
    private static BrowserFixture browser;
    private static Page page;

    @BeforeAll
    static void startHubTillAndBrowser() {
        hub = HubProcess.start(NAME, "--hub.demo-data=true");
        JsonHttp.Response shop = hub.admin().post("/api/admin/shops", Map.of("name", "E2E corner shop"));
        assertThat(shop.status()).as("%s", shop).isEqualTo(201);
        String code = shop.json().path("enrolmentCode").asText();
        assertThat(code).as("%s", shop).isNotBlank();
        pos = PosProcess.start(NAME, "--pos.hub-url=" + hub.baseUrl(), "--pos.enrolment-code=" + code);
        awaitSyncState(pos.http(), s -> "online".equals(s.path("state").asText()), Duration.ofSeconds(30));
        browser = BrowserFixture.launch(NAME);
        page = browser.page();
    }

    @AfterAll
    static void stopAll() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            try {
                if (pos != null) {
                    pos.stop();
                }
            } finally {
                if (hub != null) {
                    hub.stop();
                }
            }
        }
    }

    @AfterEach
    void finalScreenshot(TestInfo info) {
        browser.screenshot("end-of-" + info.getTestMethod().orElseThrow().getName());
    }

    @Test
    @Order(1)
    void panelShowsOfflineWithinOneSecondAndSyncsWhenTheBrowserIsBackOnline() {
        JsonHttp api = pos.http();
        page.navigate(pos.baseUrl() + "/");
        Locator state = page.locator("#sync-state");
        Locator panel = page.locator("#sync-panel");
        expect(state).hasText("Online", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        expect(panel).hasClass(Pattern.compile("\\bonline\\b"));
        expect(page.locator("#sync-now")).isVisible();
        expect(page.locator("#sync-pending")).hasText("Nothing waiting");
        browser.screenshot("sync-panel-online");
        String syncedBefore = api.get("/api/sync/status").json().path("lastSyncedAt").asText();

        browser.context().setOffline(true);
        Instant offlineAt = Instant.now();
        expect(state).hasText("Offline", new LocatorAssertions.HasTextOptions().setTimeout(1_000));
        expect(panel).hasClass(Pattern.compile("\\boffline\\b"), new LocatorAssertions.HasClassOptions().setTimeout(1_000));
        System.out.println("panel showed Offline " + Duration.between(offlineAt, Instant.now()).toMillis()
                + " ms after the browser went offline");
        browser.screenshot("sync-panel-browser-offline");

        browser.context().setOffline(false);
        Instant onlineAt = Instant.now();
        expect(state).not().hasText("Offline", new LocatorAssertions.HasTextOptions().setTimeout(1_000));
        expect(state).hasText("Online", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        expect(panel).hasClass(Pattern.compile("\\bonline\\b"));
        System.out.println("panel back to Online " + Duration.between(onlineAt, Instant.now()).toMillis() + " ms after");
        browser.screenshot("sync-panel-back-online");

        // Coming back online made the till sync: its last sync time moved on.
        JsonNode after = awaitSyncState(api, s -> !s.path("lastSyncedAt").asText().equals(syncedBefore),
                Duration.ofSeconds(15));
        assertThat(after.path("state").asText()).isEqualTo("online");
        expect(page.locator("#sync-last")).hasText("just now");
    }

    @Test
    @Order(2)
    void hubDown_tillKeepsSellingAndCountsWaitingSales_syncNowUploadsThemWhenTheHubIsBack() {
        JsonHttp api = pos.http();
        page.navigate(pos.baseUrl() + "/");
        Locator state = page.locator("#sync-state");
        expect(state).hasText("Online", new LocatorAssertions.HasTextOptions().setTimeout(15_000));

        JsonNode item = Catalog.pick(api, 1, Catalog.scannableEach()).get(0); // the catalog came from the hub

        hub.stop();
        page.locator("#sync-now").click();
        expect(state).hasText("Offline", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        expect(page.locator("#sync-error")).isVisible();
        browser.screenshot("hub-down-offline");

        JsonHttp.Response sale = api.post("/api/orders",
                Orders.cashSale(UUID.randomUUID(), List.of(item), Orders.GENEROUS_CASH));
        assertThat(sale.status()).as("selling with the hub down: %s", sale).isEqualTo(201);
        Instant soldAt = Instant.now();
        Locator pending = page.locator("#sync-pending");
        // The server's SSE stream or the panel's poll brings the new figure (heartbeat at least every 15 s).
        expect(pending).not().hasText("Nothing waiting", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        String waitingText = pending.innerText();
        System.out.println("panel showed \"" + waitingText + "\" " + Duration.between(soldAt, Instant.now()).toMillis()
                + " ms after the sale; GET /api/sync/status: " + api.get("/api/sync/status").body());
        browser.screenshot("hub-down-one-sale-waiting");

        hub.start();
        page.locator("#sync-now").click();
        expect(state).hasText("Online", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        expect(pending).hasText("Nothing waiting", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
        expect(page.locator("#sync-error")).isHidden();
        JsonNode status = api.get("/api/sync/status").json();
        assertThat(status.path("pendingCount").asInt()).as("%s", status).isZero();
        browser.screenshot("hub-back-synced");

        // One sale was made, so the panel must say one sale is waiting (docs: "3 sales waiting, oldest 12 min").
        assertThat(waitingText).as("#sync-pending after exactly one sale with the hub down")
                .startsWith("1 sale waiting");
    }

    private static JsonNode awaitSyncState(JsonHttp api, Predicate<JsonNode> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonHttp.Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("/api/sync/status");
            if (last.status() == 200 && condition.test(last.json())) {
                return last.json();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("GET /api/sync/status did not reach the expected state within " + timeout
                + "; last answer: " + last + "\ntill log tail:\n" + pos.logTail(40));
    }

    private static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }
}
