package com.lightningpos.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.e2e.support.BrowserFixture;
import com.lightningpos.e2e.support.HubProcess;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (surefire runs {@code *Test} classes): the console in Chromium with 1,000
 * shops and 100,000 items, loaded through the admin API. Prints how long the dashboard, the shops
 * list and the catalog take from navigation to rows on screen, and how long a catalog filter takes.
 * {@code ./mvnw -B -o -pl e2e-tests test -Dtest=AdminConsoleScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class AdminConsoleScaleBenchmark {

    private static final String NAME = "AdminConsoleScaleBenchmark";
    private static final LocatorAssertions.IsVisibleOptions PATIENT = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

    @Test
    void pageLoadTimesAtScale() throws Exception {
        try (HubProcess hub = HubProcess.start(NAME, "--hub.etl.enabled=false");
             BrowserFixture browser = BrowserFixture.launch(NAME)) {
            long seedStart = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                var shop = hub.admin().post("/api/admin/shops", Map.of("name", String.format("Scale shop %04d", i)));
                assertThat(shop.status()).as("%s", shop).isEqualTo(201);
            }
            for (int file = 0; file < 2; file++) {
                StringBuilder csv = new StringBuilder("sku,barcode,name,price,category,tax_rate\n");
                for (int i = 0; i < 50_000; i++) {
                    int n = file * 50_000 + i;
                    csv.append("SC-").append(n).append(',').append(20_000_000 + n).append(",Scale item ").append(n)
                            .append(',').append(1 + n % 97).append(".25,,\n");
                }
                HttpResponse<String> imported = importCsv(hub, csv.toString());
                assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            }
            System.out.printf("seeded 1,000 shops and 100,000 items through the admin API in %d s%n",
                    (System.nanoTime() - seedStart) / 1_000_000_000);

            Page page = browser.page();
            page.navigate(hub.baseUrl() + "/login");
            page.locator("input[name=username]").fill(HubProcess.ADMIN_USER);
            page.locator("input[name=password]").fill(hub.adminPassword());
            page.locator("vaadin-login-form vaadin-button").first().click();
            page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(30_000));

            for (int round = 0; round < 3; round++) {
                long dashboard = timeUntil(page, hub.baseUrl() + "/", page.locator("#health-grid vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Scale shop 0000")).first());
                long shops = timeUntil(page, hub.baseUrl() + "/shops", page.locator("#shops-grid vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Scale shop 0000")).first());
                long catalog = timeUntil(page, hub.baseUrl() + "/catalog", page.locator("#items-grid vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Scale item")).first());
                long start = System.nanoTime();
                page.locator("#item-filter input").fill("SC-4711");
                assertThat(page.locator("#items-total")).hasText("11 items", new com.microsoft.playwright.assertions
                        .LocatorAssertions.HasTextOptions().setTimeout(30_000));
                long filter = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("round %d: dashboard %d ms, shops %d ms, catalog %d ms, catalog filter %d ms%n",
                        round + 1, dashboard, shops, catalog, filter);
            }
            browser.screenshot("catalog-100k");
        }
    }

    private static long timeUntil(Page page, String url, Locator visible) {
        long start = System.nanoTime();
        page.navigate(url);
        assertThat(visible).isVisible(PATIENT);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static HttpResponse<String> importCsv(HubProcess hub, String csv) throws Exception {
        String auth = Base64.getEncoder().encodeToString((HubProcess.ADMIN_USER + ":" + hub.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/admin/items/import"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
