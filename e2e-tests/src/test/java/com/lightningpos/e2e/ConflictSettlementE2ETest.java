package com.lightningpos.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.BrowserFixture;
import com.lightningpos.e2e.support.HubProcess;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.e2e.support.PosProcess;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A real catalog conflict settled in the console: head office and a till change the same item's
 * price before the till has seen the hub's change; the hub keeps its price (hub wins) and records
 * the conflict; support settles it in the Conflicts view by accepting the applied result.
 * Screenshots in target/e2e-artifacts/ConflictSettlementE2ETest.
 */
class ConflictSettlementE2ETest {

    private static final String NAME = "ConflictSettlementE2ETest";

    @Test
    void aConflictingPriceEditIsRecordedAndSettledInTheConsole() {
        try (HubProcess hub = HubProcess.start(NAME)) {
            JsonHttp admin = hub.admin();
            JsonHttp.Response shop = admin.post("/api/admin/shops", Map.of("name", "Conflict corner"));
            assertThat(shop.status()).as("%s", shop).isEqualTo(201);
            String shopId = shop.json().path("id").asText();
            try (PosProcess pos = PosProcess.start(NAME, "--pos.hub-url=" + hub.baseUrl(),
                    "--pos.enrolment-code=" + shop.json().path("enrolmentCode").asText());
                 BrowserFixture browser = BrowserFixture.launch(NAME)) {
                JsonHttp till = pos.http();
                JsonHttp.Response item = admin.post("/api/admin/items",
                        Map.of("sku", "E2E-CONFLICT", "name", "Contested coffee", "priceCents", 300));
                assertThat(item.status()).as("%s", item).isEqualTo(201);
                String itemId = item.json().path("id").asText();
                // the till gets the item from the hub
                await("the item reached the till", () -> {
                    till.post("/api/sync", Map.of());
                    return till.get("/api/items/" + itemId);
                }, r -> r.status() == 200);

                // head office and the till both change the price; the till has not seen the hub's change
                assertThat(admin.put("/api/admin/items/" + itemId, Map.of("priceCents", 350)).status()).isEqualTo(200);
                JsonHttp.Response local = till.put("/api/items/" + itemId, Map.of("priceCents", 320));
                assertThat(local.status()).as("%s", local).isEqualTo(200);
                JsonNode conflicts = await("the hub recorded the conflict", () -> {
                    till.post("/api/sync", Map.of());
                    return admin.get("/api/admin/conflicts?shopId=" + shopId);
                }, r -> r.status() == 200 && r.json().path("total").asInt() > 0).json();
                JsonNode conflict = conflicts.path("conflicts").get(0);
                assertThat(conflict.path("winner").asText()).isEqualTo("hub");
                assertThat(admin.get("/api/admin/items/" + itemId).json().path("priceCents").asLong()).isEqualTo(350);

                Page page = browser.page();
                page.navigate(hub.baseUrl() + "/login");
                page.locator("input[name=username]").fill(HubProcess.ADMIN_USER);
                page.locator("input[name=password]").fill(hub.adminPassword());
                page.locator("vaadin-login-form vaadin-button").first().click();
                page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(20_000));
                page.navigate(hub.baseUrl() + "/conflicts?shop=" + shopId);
                Locator row = page.locator("#conflicts-grid vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Contested coffee")).first();
                assertThat(row).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
                row.click();
                Locator fields = page.locator("#conflict-fields");
                assertThat(fields).containsText("price_cents");
                assertThat(fields).containsText("320");
                assertThat(page.locator("#conflict-fields [data-differs=true]").first()).isVisible();
                browser.screenshot("conflict-side-by-side");
                page.locator("#settle-note input").fill("head office price stands");
                page.locator("#settle-accept").click();
                assertThat(page.locator("#conflict-settlement")).containsText("accepted_applied: head office price stands");
                browser.screenshot("conflict-settled");

                JsonNode settled = admin.get("/api/admin/conflicts/" + conflict.path("id").asLong()).json().path("conflict");
                assertThat(settled.path("status").asText()).isEqualTo("settled");
                assertThat(settled.path("settledBy").asText()).isEqualTo(HubProcess.ADMIN_USER);
                // the till ends up with the hub's price
                await("the hub's price reached the till", () -> {
                    till.post("/api/sync", Map.of());
                    return till.get("/api/items/" + itemId);
                }, r -> r.status() == 200 && r.json().path("priceCents").asLong() == 350);
            }
        }
    }

    private static JsonHttp.Response await(String what, Supplier<JsonHttp.Response> call, Predicate<JsonHttp.Response> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        JsonHttp.Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(what + ": not within 45 s; last answer " + last);
    }
}
