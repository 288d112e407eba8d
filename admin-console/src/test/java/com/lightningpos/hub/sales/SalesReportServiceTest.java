package com.lightningpos.hub.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.api.ProblemException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "olivia", roles = "HEAD_OFFICE")
class SalesReportServiceTest extends HubTestBase {

    static final LocalDate DAY = LocalDate.of(2019, 5, 14); // a day no other test writes sales on

    @Autowired
    SalesReportService sales;
    @Autowired
    HubFixtures fixtures;

    @Test
    void sales_are_summed_per_day_and_shop_without_voided_orders_and_net_of_refunds() {
        UUID north = fixtures.shop("North " + HubFixtures.unique("s"));
        UUID south = fixtures.shop("South " + HubFixtures.unique("s"));
        OffsetDateTime morning = DAY.atTime(9, 0).atOffset(java.time.ZoneOffset.UTC);
        fixtures.order(north, "sale", "completed", 1000, morning);
        fixtures.order(north, "sale", "completed", 250, morning.plusHours(3));
        fixtures.order(north, "sale", "voided", 9999, morning.plusHours(4));
        fixtures.order(north, "refund", "completed", -250, morning.plusHours(5));
        fixtures.order(north, "sale", "completed", 700, morning.plusDays(1));
        fixtures.order(south, "sale", "completed", 400, morning.minusHours(10)); // 23:00 the day before

        var report = sales.byDayAndShop(new SalesFilter(DAY.minusDays(1), DAY.plusDays(1), null));

        assertThat(report).filteredOn(d -> d.shopId().equals(north) || d.shopId().equals(south))
                .extracting(SalesDay::day, SalesDay::shopId, SalesDay::orders, SalesDay::salesCents, SalesDay::refunds,
                        SalesDay::refundCents, SalesDay::netCents)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DAY.plusDays(1), north, 1L, 700L, 0L, 0L, 700L),
                        org.assertj.core.groups.Tuple.tuple(DAY, north, 2L, 1250L, 1L, 250L, 1000L),
                        org.assertj.core.groups.Tuple.tuple(DAY.minusDays(1), south, 1L, 400L, 0L, 0L, 400L));
        assertThat(sales.byDayAndShop(new SalesFilter(DAY, DAY, south))).isEmpty();
    }

    @Test
    void the_csv_export_has_a_header_and_one_line_per_day_and_shop() {
        UUID shop = fixtures.shop("=Formula, Shop " + HubFixtures.unique("s"));
        fixtures.order(shop, "sale", "completed", 1234, LocalDate.of(2019, 6, 2).atTime(12, 0).atOffset(java.time.ZoneOffset.UTC));
        StringWriter out = new StringWriter();

        sales.writeCsv(new SalesFilter(LocalDate.of(2019, 6, 2), LocalDate.of(2019, 6, 2), shop), out);

        assertThat(out.toString().split("\r\n")).containsExactly(
                "day,shop_id,shop,orders,sales,refunds,refunded,net",
                "2019-06-02," + shop + ",\"'=Formula, Shop " + out.toString().split("Shop ")[1].split("\"")[0] + "\",1,1234,0,0,1234");
    }

    @Test
    void a_report_needs_a_sensible_range() {
        assertThatThrownBy(() -> new SalesFilter(DAY, DAY.minusDays(1), null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> new SalesFilter(DAY, DAY.plusYears(2), null)).isInstanceOf(ProblemException.class);
    }

    @Test
    @WithMockUser(username = "sam", roles = "SUPPORT")
    void support_staff_do_not_see_sales_reports() {
        assertThatThrownBy(() -> sales.byDayAndShop(new SalesFilter(DAY, DAY, null))).isInstanceOf(AccessDeniedException.class);
    }
}
