package com.lightningpos.etl.bench;

import static com.lightningpos.db.hub.Tables.SALES_ORDERS;
import static com.lightningpos.db.hub.Tables.SHOPS;

import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.etl.pipeline.EtlJobRunner;
import com.lightningpos.etl.pipeline.Extractor;
import com.lightningpos.etl.pipeline.Loader;
import com.lightningpos.etl.pipeline.Propagator;
import com.lightningpos.etl.testing.HubTestDatabase;
import com.lightningpos.etl.testing.ReplicaFixture;
import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * ETL throughput: loads N shops × M sales (order + line + payment = 3 rows each) from real replica
 * files into a real PostgreSQL, then COPYs the same number of rows into the same tables of a fresh
 * database as the reference. Not a test: run it with
 * {@code ./mvnw -q -pl etl-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.lightningpos.etl.bench.EtlLoadBenchmark -Dexec.args="20 3000 COPY_STAGING 5000"} (shops, sales per shop, strategy, rows per transaction).
 */
public final class EtlLoadBenchmark {

    public static void main(String[] args) throws Exception {
        int shops = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int salesPerShop = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path dir = Files.createTempDirectory("etl-bench");
        ReplicaFixture replicas = new ReplicaFixture(dir);
        List<UUID> shopIds = new ArrayList<>();
        try (HikariDataSource hubDs = HubTestDatabase.freshDatabase()) {
            DSLContext hub = HubTestDatabase.dsl(hubDs);
            for (int s = 0; s < shops; s++) {
                UUID shop = UUID.randomUUID();
                shopIds.add(shop);
                hub.insertInto(SHOPS).set(SHOPS.ID, shop).set(SHOPS.NAME, "Bench " + s)
                        .set(SHOPS.ENROLLED_AT, OffsetDateTime.now()).execute();
                replicas.dsl(shop).transaction(cfg -> { }); // create the file outside the timing
            }
            for (UUID shop : shopIds) {
                fill(replicas, shop, salesPerShop);
            }
            long rows = 3L * shops * salesPerShop;
            int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
            Loader.Strategy strategy = Loader.Strategy.valueOf(args.length > 2 ? args[2] : "COPY_STAGING");
            EtlJobRunner runner = new EtlJobRunner(hub, new Extractor(replicas),
                    new Loader(new HubCatalog(new HybridLogicalClock(Clock.systemUTC(), "hub")), strategy),
                    new Propagator(replicas, Clock.systemUTC(), 1000), Clock.systemUTC(), batchSize, "bench");

            long t0 = System.nanoTime();
            for (UUID shop : shopIds) {
                var run = runner.run(shop);
                if (!run.ok()) {
                    throw new IllegalStateException(run.error());
                }
            }
            double etlSeconds = (System.nanoTime() - t0) / 1e9;
            int loaded = hub.fetchCount(SALES_ORDERS);
            if (loaded != shops * salesPerShop) {
                throw new IllegalStateException("loaded " + loaded + " orders, expected " + shops * salesPerShop);
            }

            double copySeconds = copyReference(shopIds, salesPerShop);
            System.out.printf(Locale.ROOT, "ETL (%s, batch %d) %d shops x %d sales = %d rows in %.2f s: %.0f rows/s%n",
                    strategy, batchSize, shops, salesPerShop, rows, etlSeconds, rows / etlSeconds);
            System.out.printf(Locale.ROOT, "COPY same %d rows in %.2f s: %.0f rows/s (reference)%n",
                    rows, copySeconds, rows / copySeconds);
            System.out.printf(Locale.ROOT, "ETL / COPY = %.2f%n", copySeconds / etlSeconds);
        }
        System.exit(0);
    }

    private static void fill(ReplicaFixture replicas, UUID shop, int sales) {
        replicas.pushedSales(shop, sales);
    }

    private static double copyReference(List<UUID> shops, int salesPerShop) throws Exception {
        try (HikariDataSource ds = HubTestDatabase.freshDatabase(); Connection c = ds.getConnection()) {
            DSLContext hub = HubTestDatabase.dsl(ds);
            for (UUID shop : shops) {
                hub.insertInto(SHOPS).set(SHOPS.ID, shop).set(SHOPS.NAME, "Bench").execute();
            }
            StringBuilder orders = new StringBuilder();
            StringBuilder lines = new StringBuilder();
            StringBuilder payments = new StringBuilder();
            String now = OffsetDateTime.now().toString();
            for (UUID shop : shops) {
                for (int i = 1; i <= salesPerShop; i++) {
                    UUID order = UUID.randomUUID();
                    long total = 100 + i % 900;
                    orders.append(order).append(',').append(shop).append(',').append(i)
                            .append(",sale,completed,anna,").append(total).append(",0,0,").append(total)
                            .append(",0,").append(total).append(",0,").append(now).append('\n');
                    lines.append(UUID.randomUUID()).append(',').append(shop).append(',').append(order)
                            .append(",1,").append(UUID.randomUUID()).append(",SKU-1,Coffee,").append(total)
                            .append(",1000,0,true,false,0,").append(total).append(",0,").append(total).append('\n');
                    payments.append(UUID.randomUUID()).append(',').append(shop).append(',').append(order)
                            .append(",cash,").append(total).append(',').append(total).append(",0,").append(now).append('\n');
                }
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            copy.copyIn("COPY sales_orders (id, shop_id, receipt_no, kind, status, cashier, subtotal_cents, discount_cents,"
                    + " tax_cents, total_cents, rounding_cents, paid_cents, change_cents, created_at) FROM STDIN (FORMAT csv)",
                    new StringReader(orders.toString()));
            copy.copyIn("COPY sales_order_items (id, shop_id, order_id, line_no, item_id, sku, name, unit_price_cents,"
                    + " quantity_milli, tax_rate_bp, tax_inclusive, price_overridden, discount_cents, subtotal_cents,"
                    + " tax_cents, total_cents) FROM STDIN (FORMAT csv)", new StringReader(lines.toString()));
            copy.copyIn("COPY sales_order_payments (id, shop_id, order_id, method, amount_cents, tendered_cents,"
                    + " change_cents, created_at) FROM STDIN (FORMAT csv)", new StringReader(payments.toString()));
            c.commit();
            return (System.nanoTime() - t0) / 1e9;
        }
    }
}
