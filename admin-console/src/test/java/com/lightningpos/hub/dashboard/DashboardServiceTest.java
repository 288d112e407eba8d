package com.lightningpos.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.shops.ShopOverview;
import com.lightningpos.hub.shops.ShopStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "sam", roles = "SUPPORT")
class DashboardServiceTest extends HubTestBase {

    @Autowired
    DashboardService dashboard;
    @Autowired
    HubFixtures fixtures;

    @Test
    void every_shop_gets_its_status_from_one_snapshot() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID healthy = fixtures.syncedShop(HubFixtures.unique("Healthy"), now.minusMinutes(1), 1);
        fixtures.run(healthy, "etl", now.minusMinutes(1), 40, 0L, null, true, null);
        UUID lagging = fixtures.syncedShop(HubFixtures.unique("Lagging"), now.minusMinutes(1), 1);
        fixtures.run(lagging, "etl", now.minusMinutes(1), 5, 120L, now.minusMinutes(30), true, null);
        UUID erroring = fixtures.syncedShop(HubFixtures.unique("Erroring"), now.minusMinutes(1), 1);
        fixtures.etlJob(erroring, 3, "replica locked");
        UUID never = fixtures.shop(HubFixtures.unique("Never"));

        DashboardSnapshot snapshot = dashboard.snapshot(DashboardService.Window.LAST_HOUR);

        Map<UUID, ShopOverview> byId = snapshot.shops().stream()
                .collect(Collectors.toMap(ShopOverview::id, Function.identity()));
        assertThat(byId.get(healthy).status()).isEqualTo(ShopStatus.HEALTHY);
        assertThat(byId.get(lagging).status()).isEqualTo(ShopStatus.LAGGING);
        assertThat(byId.get(lagging).pending()).isEqualTo(120);
        assertThat(byId.get(lagging).lagSeconds()).isBetween(29 * 60L, 31 * 60L);
        assertThat(byId.get(erroring).status()).isEqualTo(ShopStatus.ERRORING);
        assertThat(byId.get(erroring).lastError()).isEqualTo("replica locked");
        assertThat(byId.get(never).status()).isEqualTo(ShopStatus.NEVER_SYNCED);
        assertThat(snapshot.statusCounts().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(snapshot.shops().size());
        assertThat(snapshot.rowsSyncedLastHour()).isGreaterThanOrEqualTo(45);
        assertThat(snapshot.throughput().points()).hasSize(60);
        assertThat(snapshot.throughput().total()).isGreaterThanOrEqualTo(45);
        assertThat(snapshot.lag().max()).isGreaterThanOrEqualTo(29);
    }

    @Test
    void a_shop_in_depth_shows_its_runs_and_its_failures() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID shop = fixtures.syncedShop(HubFixtures.unique("Deep"), now, 1);
        fixtures.run(shop, "push", now.minusMinutes(3), 10, null, null, true, null);
        fixtures.run(shop, "etl", now.minusMinutes(2), 0, 10L, now.minusMinutes(3), false, "constraint failed");
        fixtures.run(shop, "etl", now.minusMinutes(1), 10, 0L, null, true, null);

        ShopDetail detail = dashboard.shop(shop);

        assertThat(detail.runs()).extracting(SyncRunRow::kind).containsExactly("etl", "etl", "push");
        assertThat(detail.errors()).extracting(SyncRunRow::error).containsExactly("constraint failed");
        assertThat(detail.shop().status()).isEqualTo(ShopStatus.HEALTHY);
        assertThat(detail.throughput().total()).isEqualTo(10);
        assertThat(dashboard.consistencyCheck()).as("the replica store backs the consistency check")
                .hasValueSatisfying(check -> assertThat(check.check(shop).summary()).contains("never pushed"));
    }

    @Test
    void the_plot_is_an_svg_with_one_line_per_series() throws Exception {
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        var points = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> new TimeSeries.Point(start.plus(i, ChronoUnit.MINUTES), i * 10))
                .toList();
        String svg = SvgChart.lines("Rows <loaded>", java.util.List.of(new TimeSeries("rows", "rows",
                java.time.Duration.ofMinutes(1), points)), 600, 200, ZoneOffset.UTC);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
                .contains("Rows &lt;loaded&gt;", "<polyline", "10:00", "10:04", "50 rows");
        assertThat(javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(svg))).getDocumentElement().getTagName())
                .isEqualTo("svg"); // well-formed, so the browser draws it
        assertThat(SvgChart.niceMax(42)).isEqualTo(50);
        assertThat(SvgChart.niceMax(0)).isEqualTo(1);
    }
}
