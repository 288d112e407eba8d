package com.lightningpos.hub.sales;

import static com.lightningpos.db.hub.Tables.SALES_ORDERS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static org.jooq.impl.DSL.abs;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Sales across shops by day and shop. The range is turned into instants in the report's zone so
 * that PostgreSQL can use the {@code created_at} indexes (and, once the sales tables are
 * partitioned by month, prune partitions); days are then grouped in that zone.
 */
@Service
public class SalesReportService {

    static final String CSV_HEADER = "day,shop_id,shop,orders,sales,refunds,refunded,net";

    private final DSLContext db;
    private final ZoneId zone;

    public SalesReportService(DSLContext db, @Value("${hub.report-zone:UTC}") ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Newest day first, shops by name within a day. */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public List<SalesDay> byDayAndShop(SalesFilter filter) {
        Field<LocalDate> day = DSL.field("({0} at time zone {1})::date", LocalDate.class, SALES_ORDERS.CREATED_AT,
                DSL.inline(zone.getId()));
        Condition sale = SALES_ORDERS.KIND.eq("sale");
        Condition refund = SALES_ORDERS.KIND.eq("refund");
        return db.select(day, SALES_ORDERS.SHOP_ID, SHOPS.NAME,
                        count().filterWhere(sale),
                        coalesce(sum(SALES_ORDERS.TOTAL_CENTS).filterWhere(sale), BigDecimal.ZERO),
                        count().filterWhere(refund),
                        coalesce(sum(abs(SALES_ORDERS.TOTAL_CENTS)).filterWhere(refund), BigDecimal.ZERO))
                .from(SALES_ORDERS)
                .join(SHOPS).on(SHOPS.ID.eq(SALES_ORDERS.SHOP_ID))
                .where(condition(filter))
                .groupBy(day, SALES_ORDERS.SHOP_ID, SHOPS.NAME)
                .orderBy(day.desc(), SHOPS.NAME)
                .fetch(r -> new SalesDay(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().longValue(),
                        r.value6(), r.value7().longValue()));
    }

    /** The report as CSV (amounts in cents, like the admin API). */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public void writeCsv(SalesFilter filter, Writer out) {
        try {
            out.write(CSV_HEADER + "\r\n");
            for (SalesDay d : byDayAndShop(filter)) {
                out.write(String.join(",", d.day().toString(), d.shopId().toString(), csv(d.shopName()),
                        Long.toString(d.orders()), Long.toString(d.salesCents()), Long.toString(d.refunds()),
                        Long.toString(d.refundCents()), Long.toString(d.netCents())) + "\r\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Net sales and order count of today (in the report zone) across all shops, for the dashboard. */
    public Totals today() {
        LocalDate today = LocalDate.now(zone);
        Condition condition = condition(new SalesFilter(today, today, null));
        var r = db.select(count().filterWhere(SALES_ORDERS.KIND.eq("sale")),
                        coalesce(sum(SALES_ORDERS.TOTAL_CENTS).filterWhere(SALES_ORDERS.KIND.eq("sale")), BigDecimal.ZERO),
                        coalesce(sum(abs(SALES_ORDERS.TOTAL_CENTS)).filterWhere(SALES_ORDERS.KIND.eq("refund")), BigDecimal.ZERO))
                .from(SALES_ORDERS)
                .where(condition)
                .fetchSingle();
        return new Totals(r.value1(), r.value2().longValue() - r.value3().longValue());
    }

    /** Orders and net sales. */
    public record Totals(long orders, long netCents) {
    }

    private Condition condition(SalesFilter filter) {
        Condition c = SALES_ORDERS.STATUS.ne("voided")
                .and(SALES_ORDERS.CREATED_AT.ge(filter.from().atStartOfDay(zone).toOffsetDateTime()))
                .and(SALES_ORDERS.CREATED_AT.lt(filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        if (filter.shopId() != null) {
            c = c.and(SALES_ORDERS.SHOP_ID.eq(filter.shopId()));
        }
        return c;
    }

    private static String csv(String text) {
        if (text == null) {
            return "";
        }
        String safe = text;
        // a leading =, +, - or @ would make a spreadsheet evaluate the cell as a formula
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
