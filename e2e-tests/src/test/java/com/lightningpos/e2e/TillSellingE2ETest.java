package com.lightningpos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.BrowserFixture;
import com.lightningpos.e2e.support.Catalog;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.e2e.support.Money;
import com.lightningpos.e2e.support.PosProcess;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.UUID;
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
 * A cashier's sale in the real till UI, in Debian's Chromium, against the till server running as a
 * real process (standalone, demo catalog): scan two barcodes, pay with card + cash, see the receipt,
 * find the order by receipt number; then the sync panel's answer to the browser going offline.
 * Screenshots, the browser console and a Playwright trace land in target/e2e-artifacts/TillSellingE2ETest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TillSellingE2ETest {

    private static final String NAME = "TillSellingE2ETest";

    private static PosProcess pos;
    private static JsonHttp api;
    private static BrowserFixture browser;
    private static Page page;

    @BeforeAll
    static void startTillAndBrowser() {
        pos = PosProcess.start(NAME);
        api = pos.http();
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
            if (pos != null) {
                pos.stop();
            }
        }
    }

    @AfterEach
    void finalScreenshot(TestInfo info) {
        browser.screenshot("end-of-" + info.getTestMethod().orElseThrow().getName());
    }

    @Test
    @Order(1)
    void scanTwoBarcodesPayWithCardAndCashSeeReceiptAndFindTheOrder() {
        // Two tax-inclusive items: whatever the tax rounding, the total is the sum of the shelf prices.
        List<JsonNode> items = Catalog.pick(api, 2,
                Catalog.scannableEach().and(i -> i.path("taxInclusive").asBoolean(false)));
        long total = items.stream().mapToLong(i -> i.path("priceCents").asLong()).sum();

        page.navigate(pos.baseUrl() + "/");
        Locator scan = page.locator("#scan-input");
        expect(scan).isFocused();
        expect(page.locator("#cart-empty")).isVisible();
        browser.screenshot("till-ready");

        // A scanner types the digits and Enter into the focused scan box.
        for (int n = 1; n <= items.size(); n++) {
            scan.pressSequentially(items.get(n - 1).path("barcode").asText());
            scan.press("Enter");
            expect(page.locator("#cart .cart-line")).hasCount(n);
            browser.screenshot("scanned-" + n);
        }
        Locator lines = page.locator("#cart .cart-line");
        for (int n = 0; n < items.size(); n++) {
            JsonNode item = items.get(n);
            Locator line = lines.filter(new Locator.FilterOptions().setHasText(item.path("name").asText()));
            expect(line).hasCount(1);
            expect(line.locator(".line-qty")).hasText("1");
            assertThat(Money.cents(line.locator(".line-total").innerText()))
                    .as("line total of %s", item.path("name").asText()).isEqualTo(item.path("priceCents").asLong());
        }
        expect(page.locator("#cart-total")).containsText(Money.amount(total));
        assertThat(Money.cents(page.locator("#cart-total").innerText())).isEqualTo(total);

        // Pay: part by card, the rest in cash with more than needed, so there is change.
        page.locator("#pay-button").click();
        expect(page.locator("#view-tender")).isVisible();
        expect(page.locator("#tender-total")).containsText(Money.amount(total));
        long card = Math.max(1, total / 3);
        long cashDue = total - card;
        long change = 5_00;
        long cash = cashDue + change;
        page.locator("#tender-card").fill(Money.amount(card));
        page.locator("#tender-cash").fill(Money.amount(cash));
        expect(page.locator("#tender-paid")).containsText(Money.amount(card + cash));
        expect(page.locator("#tender-remaining")).containsText(Money.amount(0));
        expect(page.locator("#tender-change")).containsText(Money.amount(change));
        browser.screenshot("tender-split-card-cash");
        page.locator("#confirm-payment").click();

        // The receipt shows only once the server has committed the sale.
        Locator receipt = page.locator("#receipt");
        expect(receipt).isVisible();
        expect(page.locator("#receipt-no")).hasText(Pattern.compile("^\\s*\\d+\\s*$"));
        String receiptNo = page.locator("#receipt-no").innerText().trim();
        expect(receipt.locator(".r-total")).containsText(Money.amount(total));
        expect(receipt.locator(".r-change")).containsText(Money.amount(change));
        expect(receipt).containsText("Card");
        expect(receipt).containsText("Cash");
        for (JsonNode item : items) {
            expect(receipt).containsText(item.path("name").asText());
        }
        browser.screenshot("receipt");

        // The server's record of the same sale agrees with what the cashier saw.
        JsonHttp.Response found = api.get("/api/orders?q=" + receiptNo);
        assertThat(found.status()).as("%s", found).isEqualTo(200);
        assertThat(found.json().path("orders")).as("%s", found).hasSize(1);
        JsonNode order = found.json().path("orders").get(0);
        assertThat(order.path("receiptNo").asText()).as("%s", found).isEqualTo(receiptNo);
        assertThat(order.path("totalCents").asLong()).as("%s", found).isEqualTo(total);
        assertThat(order.path("changeCents").asLong()).as("%s", found).isEqualTo(change);
        assertThat(order.path("paidCents").asLong()).as("%s", found).isEqualTo(card + cash);
        assertThat(order.path("lines")).as("%s", found).hasSize(2);

        // Two more sales (through the API) so the order list has something to search through.
        for (int n = 0; n < 2; n++) {
            JsonHttp.Response r = api.post("/api/orders", Orders.cashSale(UUID.randomUUID(), items.subList(0, 1),
                    Orders.GENEROUS_CASH));
            assertThat(r.status()).as("%s", r).isEqualTo(201);
        }

        page.locator("#new-sale").click();
        expect(page.locator("#cart-empty")).isVisible();
        page.locator("#nav-orders").click();
        expect(page.locator("#view-orders")).isVisible();
        expect(page.locator("#orders-table .order-row")).hasCount(3);
        browser.screenshot("orders-list");
        Locator search = page.locator("#orders-search");
        search.fill(receiptNo);
        search.press("Enter");
        Locator rows = page.locator("#orders-table .order-row");
        expect(rows).hasCount(1);
        expect(rows.first().locator(".receipt-cell")).hasText(receiptNo);
        expect(rows.first()).containsText(Money.amount(total));
        browser.screenshot("orders-search-by-receipt-no");
        rows.first().click();
        expect(page.locator("#order-detail")).containsText(items.get(0).path("name").asText());
        browser.screenshot("order-detail");
    }

    /**
     * Toggle the browser offline and back. This till is standalone (no hub URL): js/sync-format.js
     * {@code stateLabel} lets "Standalone" outrank the browser's offline state, because a standalone
     * till never syncs, so the badge must keep saying Standalone (class {@code standalone}) through
     * both events. The Online → Offline → Online change of a till with a hub is in SyncPanelOfflineE2ETest.
     */
    @Test
    @Order(2)
    void standaloneTillPanelStaysStandaloneWhenTheBrowserGoesOfflineAndBack() {
        page.navigate(pos.baseUrl() + "/");
        Locator state = page.locator("#sync-state");
        Locator panel = page.locator("#sync-panel");
        expect(state).hasText("Standalone");
        expect(panel).hasClass(Pattern.compile("\\bstandalone\\b"));
        expect(page.locator("#sync-now")).isHidden();
        browser.screenshot("sync-panel-standalone");

        browser.context().setOffline(true);
        assertThat(page.evaluate("navigator.onLine")).isEqualTo(false);
        page.waitForTimeout(1000); // the panel reacts to the 'offline' event; give it its second
        expect(state).hasText("Standalone");
        expect(panel).hasClass(Pattern.compile("\\bstandalone\\b"));
        expect(panel).not().hasClass(Pattern.compile("\\boffline\\b"));
        browser.screenshot("sync-panel-browser-offline");

        browser.context().setOffline(false);
        assertThat(page.evaluate("navigator.onLine")).isEqualTo(true);
        page.waitForTimeout(1000);
        expect(state).hasText("Standalone");
        expect(panel).hasClass(Pattern.compile("\\bstandalone\\b"));
        expect(page.locator("#sync-error")).isHidden();
        browser.screenshot("sync-panel-browser-online-again");
    }

    private static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }
}
