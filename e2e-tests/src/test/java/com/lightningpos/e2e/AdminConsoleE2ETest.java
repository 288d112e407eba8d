package com.lightningpos.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.BrowserFixture;
import com.lightningpos.e2e.support.HubProcess;
import com.lightningpos.e2e.support.JsonHttp;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
 * The Vaadin admin console in Chromium against a real hub: log in, provision a shop and see its
 * enrolment code, edit an item's price and see it in the hub's catalog change sequence, raise the
 * required schema version, and a SUPPORT user who cannot open the catalog editor. A screenshot of
 * every view lands in target/e2e-artifacts/AdminConsoleE2ETest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleE2ETest {

    private static final String NAME = "AdminConsoleE2ETest";
    private static final String SUPPORT_USER = "sally";
    private static final String SUPPORT_PASSWORD = "support-pass-1";
    private static final LocatorAssertions.IsVisibleOptions SLOW = new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);

    private static HubProcess hub;
    private static BrowserFixture browser;
    private static Page page;

    @BeforeAll
    static void startHubAndBrowser() {
        hub = HubProcess.start(NAME, "--hub.demo-data=true");
        JsonHttp.Response user = hub.admin().post("/api/admin/users",
                Map.of("username", SUPPORT_USER, "password", SUPPORT_PASSWORD, "role", "SUPPORT"));
        assertThat(user.status()).as("%s", user).isEqualTo(201);
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
            if (hub != null) {
                hub.stop();
            }
        }
    }

    @AfterEach
    void finalScreenshot(TestInfo info) {
        browser.screenshot("end-of-" + info.getTestMethod().orElseThrow().getName());
    }

    @Test
    @Order(1)
    void headOfficeLogsInAndSeesTheSyncHealthDashboard() {
        Instant start = Instant.now();
        logIn(HubProcess.ADMIN_USER, hub.adminPassword());
        assertThat(page.locator("#health-grid")).isVisible(SLOW);
        assertThat(page.locator("#throughput-chart svg")).isVisible();
        assertThat(page.locator("#lag-chart svg")).isVisible();
        assertThat(page.locator("#total-shops")).hasText(Pattern.compile("\\d+"));
        System.out.println("dashboard shown " + Duration.between(start, Instant.now()).toMillis() + " ms after opening the login page");
        browser.screenshot("dashboard");
    }

    @Test
    @Order(2)
    void provisioningAShopShowsItsEnrolmentCodeOnce() {
        page.navigate(hub.baseUrl() + "/shops");
        assertThat(page.locator("#shops-grid")).isVisible(SLOW);
        page.locator("#provision-button").click();
        page.locator("#shop-name input").fill("Harbour Street");
        browser.screenshot("provision-dialog");
        page.locator("#provision-confirm").click();

        Locator code = page.locator("#enrolment-code");
        assertThat(code).hasText(Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"));
        assertThat(page.locator("#enrolment-command")).containsText("--pos.enrolment-code=" + code.textContent());
        browser.screenshot("enrolment-code");
        page.locator("#enrolment-done").click();
        assertThat(page.locator("#shops-grid")).containsText("Harbour Street");
        browser.screenshot("shops");

        JsonNode shops = hub.admin().get("/api/admin/shops?q=Harbour").json();
        assertThat(shops.get(0).path("status").asText()).isEqualTo("never_synced");
    }

    @Test
    @Order(3)
    void editingAnItemPriceInTheCatalogLandsInTheCatalogChanges() {
        JsonHttp.Response created = hub.admin().post("/api/admin/items",
                Map.of("sku", "E2E-TEA", "name", "E2E green tea", "priceCents", 199));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("id").asText();

        page.navigate(hub.baseUrl() + "/catalog");
        assertThat(page.locator("#items-grid")).isVisible(SLOW);
        browser.screenshot("catalog");
        page.locator("#item-filter input").fill("E2E-TEA");
        Locator row = page.locator("#items-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("E2E green tea"));
        assertThat(row.first()).isVisible();
        row.first().click();
        Locator price = page.locator("#item-price input");
        assertThat(price).hasValue("1.99");
        price.fill("2.75");
        price.press("Tab");
        browser.screenshot("item-dialog");
        page.locator("#save-item").click();
        assertThat(page.locator("#items-grid")).containsText("2.75");

        JsonNode changes = hub.admin().get("/api/admin/catalog-changes?recordId=" + id).json().path("changes");
        assertThat(changes).hasSize(2);
        JsonNode last = changes.get(1);
        assertThat(last.path("op").asText()).isEqualTo("UPDATE");
        assertThat(last.path("changedBy").asText()).isEqualTo(HubProcess.ADMIN_USER);
        assertThat(last.path("payload").path("price_cents").asLong()).isEqualTo(275);
        assertThat(last.path("hlc").asText()).isGreaterThan(changes.get(0).path("hlc").asText());
    }

    @Test
    @Order(4)
    void raisingTheRequiredSchemaVersionAsksForConfirmationListingTheShops() {
        int before = hub.admin().get("/api/admin/schema").json().path("requiredVersion").asInt();
        page.navigate(hub.baseUrl() + "/schema");
        assertThat(page.locator("#versions-grid")).isVisible(SLOW);
        browser.screenshot("schema-rollout");
        assertThat(page.locator("#required-version input")).hasValue(Integer.toString(before + 1));
        page.locator("#raise-version").click();
        assertThat(page.locator("#raise-shops-grid")).containsText("Harbour Street");
        browser.screenshot("schema-confirm");
        page.locator("#confirm-raise").click();
        assertThat(page.locator("#schema-summary")).containsText("schema version " + (before + 1));

        assertThat(hub.admin().get("/api/admin/schema").json().path("requiredVersion").asInt()).isEqualTo(before + 1);
    }

    @Test
    @Order(5)
    void everyOtherViewOpensForHeadOffice() {
        for (String view : new String[] {"conflicts", "quarantine", "sales", "users", "audit"}) {
            page.navigate(hub.baseUrl() + "/" + view);
            assertThat(page.locator("vaadin-app-layout h3").first()).isVisible(SLOW);
            browser.screenshot(view);
        }
        assertThat(page.locator("#audit-grid")).containsText("item.update");
        String shopId = hub.admin().get("/api/admin/shops?q=Harbour").json().get(0).path("id").asText();
        page.navigate(hub.baseUrl() + "/shops/" + shopId);
        assertThat(page.locator("#shop-detail-name")).hasText("Harbour Street", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        browser.screenshot("shop-detail");
    }

    @Test
    @Order(6)
    void supportStaffCannotOpenTheCatalogEditor() {
        page.locator("#logout").click();
        page.waitForURL(url -> url.contains("/login"), new Page.WaitForURLOptions().setTimeout(20_000));
        logIn(SUPPORT_USER, SUPPORT_PASSWORD);
        assertThat(page.locator("#health-grid")).isVisible(SLOW);
        assertThat(page.locator("vaadin-side-nav")).not().containsText("Catalog");
        assertThat(page.locator("vaadin-side-nav")).containsText("Conflicts");

        page.navigate(hub.baseUrl() + "/catalog");
        page.waitForTimeout(1500);
        assertThat(page.locator("#items-grid")).hasCount(0);
        browser.screenshot("support-catalog-refused");

        page.navigate(hub.baseUrl() + "/shops");
        assertThat(page.locator("#shops-grid")).isVisible(SLOW);
        assertThat(page.locator("#provision-button")).hasCount(0);
    }

    private static void logIn(String user, String password) {
        page.navigate(hub.baseUrl() + "/login");
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(password);
        browser.screenshot("login-" + user);
        page.locator("vaadin-button[slot=submit], vaadin-login-form vaadin-button").first().click();
        page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(20_000));
    }
}
