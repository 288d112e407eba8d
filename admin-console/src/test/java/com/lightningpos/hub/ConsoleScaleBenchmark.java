package com.lightningpos.hub;

import com.lightningpos.hub.catalog.CatalogService;
import com.lightningpos.hub.catalog.ItemFilter;
import com.lightningpos.hub.catalog.ItemSort;
import com.lightningpos.hub.dashboard.DashboardService;
import com.lightningpos.hub.shops.ShopService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Not a test (surefire runs {@code *Test} classes only): the console's queries at 100,000 items and
 * 1,000 shops with 30 sync runs each. Run alone, so it gets a hub of its own:
 * {@code ./mvnw -B -o -pl admin-console test -Dtest=ConsoleScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints the median time of each query and the plan of the catalog search.
 */
@WithMockUser(username = "bench", roles = "HEAD_OFFICE")
class ConsoleScaleBenchmark extends HubTestBase {

    static final int ITEMS = 100_000;
    static final int SHOPS = 1_000;
    static final int RUNS_PER_SHOP = 30;

    @Autowired
    DSLContext db;
    @Autowired
    CatalogService catalog;
    @Autowired
    ShopService shops;
    @Autowired
    DashboardService dashboard;
    @Autowired
    com.lightningpos.hub.catalog.ItemCsvImport csvImport;
    @Autowired
    com.lightningpos.hub.catalog.BulkPriceService bulkPrices;

    @Test
    void measure() {
        long seedStart = System.nanoTime();
        seed();
        System.out.printf("seeded %,d items, %,d shops, %,d runs in %d ms%n", ITEMS, SHOPS, SHOPS * RUNS_PER_SHOP,
                (System.nanoTime() - seedStart) / 1_000_000);

        List<String> rows = new ArrayList<>();
        rows.add(time("items: first page (50) by name, no filter", () -> catalog.page(ItemFilter.ALL, List.of(), 0, 50)));
        rows.add(time("items: count, no filter", () -> catalog.count(ItemFilter.ALL)));
        rows.add(time("items: page at offset 50,000 by name", () -> catalog.page(ItemFilter.ALL, List.of(), 50_000, 50)));
        rows.add(time("items: first page by price descending", () -> catalog.page(ItemFilter.ALL,
                List.of(new ItemSort("priceCents", true)), 0, 50)));
        rows.add(time("items: prefix filter 'item 4711' page", () -> catalog.page(ItemFilter.text("item 4711"), List.of(), 0, 50)));
        rows.add(time("items: prefix filter 'item 4711' count", () -> catalog.count(ItemFilter.text("item 4711"))));
        rows.add(time("items: barcode prefix '40000123' page + count", () -> {
            catalog.page(ItemFilter.text("40000123"), List.of(), 0, 50);
            return catalog.count(ItemFilter.text("40000123"));
        }));
        rows.add(time("shops: first page (50) with health", () -> shops.page(null, 0, 50)));
        rows.add(time("dashboard: snapshot, 1,000 shops, last hour", () -> dashboard.snapshot(DashboardService.Window.LAST_HOUR)));
        rows.add(time("dashboard: snapshot, 1,000 shops, last 24 h", () -> dashboard.snapshot(DashboardService.Window.LAST_DAY)));

        StringBuilder csv = new StringBuilder("sku,barcode,name,price,category,tax_rate\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("CSV-").append(i).append(",,Imported ").append(i).append(",").append(1 + i % 90).append(".50,,\n");
        }
        long importStart = System.nanoTime();
        var report = csvImport.importCsv(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "bench.csv");
        long importMillis = (System.nanoTime() - importStart) / 1_000_000;
        long bulkStart = System.nanoTime();
        var bulk = bulkPrices.apply(ItemFilter.text("Imported"), com.lightningpos.hub.catalog.PriceChange.percent(5));
        long bulkMillis = (System.nanoTime() - bulkStart) / 1_000_000;
        System.out.printf("%nCSV import of %,d new items (one transaction, through HubCatalog): %,d ms; "
                + "bulk +5 %% on %,d items: %,d ms%n", report.created(), importMillis, bulk.changed(), bulkMillis);

        System.out.println("\n| query | median ms (of 15) |\n|---|---|");
        rows.forEach(System.out::println);
        System.out.println("\nplan of the catalog search:");
        db.fetch("explain analyze select count(*) from items where not deleted and (lower(name) like 'item 4711%' "
                + "or sku like 'item 4711%' or sku like 'ITEM 4711%' or barcode like 'item 4711%')")
                .forEach(r -> System.out.println("  " + r.get(0)));
    }

    private static String time(String what, Supplier<?> query) {
        for (int i = 0; i < 3; i++) {
            query.get(); // warm up JIT and PostgreSQL caches
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            query.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return String.format("| %s | %.1f |", what, millis.get(millis.size() / 2));
    }

    private void seed() {
        db.execute("""
                insert into items (id, sku, barcode, name, price_cents, unit, last_modified_at, version)
                select gen_random_uuid(), 'SKU-' || lpad(i::text, 6, '0'), (40000000 + i)::text,
                       'Item ' || i || ' ' || (array['apple','bread','cheese','dates','eggs'])[1 + mod(i, 5)],
                       50 + mod(i * 37, 5000), 'each', '0000000000000-000000-bench', 1
                from generate_series(1, %d) i
                """.formatted(ITEMS));
        db.execute("""
                insert into shops (id, name, secret_hash, schema_version, last_seen_at, last_push_at)
                select gen_random_uuid(), 'Bench shop ' || lpad(i::text, 4, '0'), 'x', 1 + mod(i, 3),
                       now() - mod(i, 120) * interval '1 minute', now() - mod(i, 120) * interval '1 minute'
                from generate_series(1, %d) i
                """.formatted(SHOPS));
        db.execute("""
                insert into etl_jobs (shop_id, last_run_at, last_success_at, consecutive_failures, last_error)
                select id, now(), now(), case when random() < 0.05 then 2 else 0 end, null from shops
                """);
        db.execute("""
                insert into sync_runs (shop_id, kind, started_at, finished_at, rows_done, rows_waiting, oldest_waiting_at, ok)
                select s.id, 'etl', now() - r * interval '2 minutes', now() - r * interval '2 minutes' + interval '1 second',
                       (random() * 200)::int, (random() * 50)::int, now() - r * interval '2 minutes' - interval '90 seconds',
                       random() > 0.02
                from shops s, generate_series(0, %d) r
                """.formatted(RUNS_PER_SHOP - 1));
        db.execute("analyze");
    }
}
