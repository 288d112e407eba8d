package com.lightningpos.e2e.bench;

import static com.lightningpos.e2e.bench.BenchSupport.loadAvg;
import static com.lightningpos.e2e.bench.BenchSupport.mb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lightningpos.db.SchemaKind;
import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.etl.sync.EnrolResponse;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.etl.sync.client.ShopCredentials;
import com.lightningpos.etl.sync.client.SyncClient;
import com.lightningpos.etl.sync.client.SyncOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The benchmark report of issue 8 (second half): starts the real hub and till jars as processes and measures
 * local sales, push, freshness (sale → PostgreSQL, hub price → 100 tills), till search at 100,000 items and
 * peak RSS, each beside a reference measured in the same run. Prints a markdown section and writes it to
 * {@code <work>/report.md} (default {@code target/bench/report.md}).
 *
 * <pre>
 * ./mvnw -q -pl e2e-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.lightningpos.e2e.bench.BenchmarkReport -Dexec.args="shops=100 items=100000"
 * </pre>
 * Arguments are {@code key=value}; see {@link Options} for the keys and defaults. The jars are taken from the
 * system properties {@code pos.jar} / {@code hub.jar} (default: the modules' target directories).
 */
public final class BenchmarkReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GENEROUS_CASH = 100_00;

    private final Options o;
    private final Path run;
    private final StringBuilder md = new StringBuilder();
    private final List<String> summary = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final UuidV7 uuids = new UuidV7(Clock.systemUTC(), new SecureRandom());

    private BenchProcess hub;
    private JsonHttp admin;
    private String pgUrl;
    private List<JsonNode> basket;
    private final List<BenchProcess> started = new ArrayList<>();

    private BenchmarkReport(Options o, Path run) {
        this.o = o;
        this.run = run;
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN); // jOOQ, Flyway and the HTTP client stay quiet
        Options o = Options.parse(args);
        Path module = BenchSupport.module();
        BenchSupport.defaultJar("pos.jar", module.resolve("../local-pos-server/target/local-pos-server.jar"));
        BenchSupport.defaultJar("hub.jar", module.resolve("../admin-console/target/admin-console.jar"));
        Path work = module.resolve(o.str("work", "target/bench")).toAbsolutePath().normalize();
        BenchmarkReport bench = new BenchmarkReport(o, BenchSupport.freshRunDir(work));
        int code = BenchSupport.runAndReport(bench::runAll, bench.md, bench::stopAll, work.resolve("report.md"));
        if (code != 0) {
            System.exit(code);
        }
    }

    // ------------------------------------------------------------------------------------------ run

    private void runAll() throws Exception {
        String loadStart = loadAvg();
        String others = otherJvms();
        Instant began = Instant.now();
        header(loadStart, others);

        int dbPort = com.lightningpos.e2e.support.E2e.freePort();
        String password = "bench-" + Long.toHexString(System.nanoTime());
        hub = BenchProcess.hub(run, password, dbPort);
        started.add(hub);
        Duration hubUp = hub.start();
        log("hub up in " + hubUp.toMillis() + " ms at " + hub.baseUrl() + ", PostgreSQL on " + dbPort);
        admin = hub.http().withBasicAuth("admin", password);
        pgUrl = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";

        // Till A: enrolled, background sync only every hour, so the sales pile up for the push measurement.
        JsonNode shopA = provision("Bench till A");
        BenchProcess tillA = BenchProcess.till(run, "till-a", "--pos.hub-url=" + hub.baseUrl(),
                "--pos.enrolment-code=" + shopA.path("enrolmentCode").asText(), "--pos.sync-interval=1h");
        started.add(tillA);
        tillA.start();
        awaitOnline(tillA);
        basket = pickBasket(tillA);

        if (o.bool("sale", true)) {
            localSales(tillA);
        }
        if (o.bool("push", true)) {
            push(tillA, shopA.path("id").asText());
        }
        tillA.stop();
        if (o.bool("freshness", true)) {
            freshness();
        }
        if (o.bool("price", true)) {
            priceToShops(o.integer("shops", 100));
        }
        long hubPeak = hub.peakRssKb();
        long pgRss = ProcStatus.postgresKb(hub.dataDir().resolve("postgres"), "VmRSS");
        hub.stop();
        if (o.bool("search", true)) {
            search(o.integer("items", 100_000));
        }
        if (o.bool("bootstrap", true)) {
            bootstrap(o.integer("bootstrap.items", o.integer("items", 100_000)));
        }
        memory(hubPeak, pgRss);

        md.append("\n### Summary against the targets\n\n| target | reached | met |\n|---|---|---|\n");
        summary.forEach(s -> md.append(s).append('\n'));
        md.append("\nRun took ").append(Duration.between(began, Instant.now()).toSeconds()).append(" s; load average at the end ")
                .append(loadAvg()).append(" (at the start ").append(loadStart).append(").\n");
        md.append("\nNot measured in this run: the scale run of the issue (1,000 shops × 1,000,000 sales through one hub), which is its own command: `ScaleBenchmark`.\n");
    }

    private void header(String load, String others) throws Exception {
        md.append("## Sync and till benchmark report (issue 8)\n\n");
        md.append("Produced by `com.lightningpos.e2e.bench.BenchmarkReport` at ").append(Instant.now().toString(), 0, 16)
                .append("Z with `").append(o.raw()).append("`.\n\n");
        md.append("Machine: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores (nproc), ").append(memTotal()).append(" RAM, ").append(osName()).append(", Java ")
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append("), SQLite ").append(sqliteVersion()).append(". Load average at the start ").append(load)
                .append("; other JVMs of builds/tests running at the start: ").append(others).append(".\n\n");
        md.append("Processes: hub `java ").append(String.join(" ", BenchProcess.HUB_JVM))
                .append(" -jar admin-console.jar --hub.demo-data=true` (embedded PostgreSQL 17 on a fixed port), tills `java ")
                .append(String.join(" ", BenchProcess.TILL_JVM)).append(" -jar local-pos-server.jar` (SQLite WAL, synchronous=FULL); ")
                .append("the benchmark client is a third JVM on the same cores, talking HTTP/1.1 over loopback.\n");
    }

    // ------------------------------------------------------------------------------- 1. local sale

    private void localSales(BenchProcess till) throws Exception {
        String url = till.baseUrl() + "/api/orders";
        int threads = o.integer("threads", 4);
        int warmup = o.integer("warmup", 1500);
        int latencySales = o.integer("latency.sales", 2000);
        int seconds = o.integer("throughput.seconds", 20);

        log("sales: warm-up " + warmup);
        runSales(url, threads, warmup, 0, new Samples());

        log("sales: latency, 1 thread, " + latencySales + " sales");
        Samples one = new Samples();
        long t0 = System.nanoTime();
        runSales(url, 1, latencySales, 0, one);
        double oneRate = latencySales / ((System.nanoTime() - t0) / 1e9);

        log("sales: throughput, " + threads + " threads, " + seconds + " s");
        Samples many = new Samples();
        long t1 = System.nanoTime();
        int sold = runSales(url, threads, Integer.MAX_VALUE, seconds, many);
        double manyRate = sold / ((System.nanoTime() - t1) / 1e9);
        long tillPeak = till.peakRssKb();
        tillPeakAfterSales = tillPeak;

        // Reference: the same rows through JDBC into a fresh shop-schema file, one transaction per sale.
        int refSales = o.integer("ref.sales", 2000);
        Ref full = referenceSales(SQLiteConfig.SynchronousMode.FULL, refSales, 1);
        Ref normal = referenceSales(SQLiteConfig.SynchronousMode.NORMAL, refSales, 1);

        md.append("\n### 1. Local sale: `POST /api/orders` on one till\n\n");
        md.append("Till enrolled with the hub (demo catalog from the hub), background sync every hour so that nothing syncs ")
                .append("during the run. Each sale: 2 or 3 lines of the demo catalog (alternating), one cash payment with change, ")
                .append("a fresh client UUID; the answer is the full order JSON. Warm-up ").append(warmup).append(" sales on ")
                .append(threads).append(" threads first. Latency is the client-side round trip (HTTP + JSON + pricing + ")
                .append("one SQLite transaction with its fsyncs).\n\n");
        md.append("| run | sales | sales/s | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        md.append(row("HTTP, 1 client thread", latencySales, oneRate, one));
        md.append(row("HTTP, " + threads + " client threads, " + seconds + " s", sold, manyRate, many));
        md.append(row("reference: raw JDBC, same rows, WAL + synchronous=FULL, 1 tx per sale", refSales, full.rate, full.latency));
        md.append(row("comparison: raw JDBC, same rows, WAL + synchronous=NORMAL, 1 tx per sale", refSales, normal.rate, normal.latency));
        md.append("\nThe reference writes what the till writes per sale (receipt counter, `sync_context.hlc`, the order, its lines, ")
                .append("one payment, one stock movement per line; the capture triggers add ").append(String.format("%.1f", full.outboxPerSale))
                .append(" outbox rows per sale) with reused prepared statements, through `SqliteDatabases` (WAL, FULL, ")
                .append("BEGIN IMMEDIATE), one thread: SQLite has one writer. Till peak RSS after the sales: ")
                .append(mb(tillPeak)).append(".\n");
        summary.add("| local sale p99 < 10 ms (1 client thread) | " + Samples.f(one.ms(0.99)) + " ms | " + yes(one.ms(0.99) < 10) + " |");
        summary.add("| local sale p99 < 10 ms (" + threads + " client threads) | " + Samples.f(many.ms(0.99)) + " ms | "
                + yes(many.ms(0.99) < 10) + " |");
        summary.add("| > 1,000 sales/s on one till | " + String.format("%,.0f", manyRate) + " sales/s | " + yes(manyRate > 1000) + " |");
    }

    private long tillPeakAfterSales = -1;

    /** Sells {@code count} sales on {@code threads} threads (or until {@code seconds} pass); returns how many were sold. */
    private int runSales(String url, int threads, int count, int seconds, Samples latency) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        AtomicInteger sold = new AtomicInteger();
        long deadline = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int n = ThreadLocalRandom.current().nextInt(1000);
                while (left.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    String body = saleBody(UUID.randomUUID().toString(), n++);
                    long s = System.nanoTime();
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    latency.add(System.nanoTime() - s);
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("sale answered " + r.statusCode() + ": " + r.body());
                    }
                    sold.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return sold.get();
    }

    private String saleBody(String id, int n) {
        int lines = 2 + (n & 1);
        StringBuilder b = new StringBuilder("{\"id\":\"").append(id).append("\",\"lines\":[");
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"itemId\":\"").append(basket.get(i).path("id").asText()).append("\",\"quantity\":1}");
        }
        return b.append("],\"payments\":[{\"method\":\"cash\",\"amountCents\":").append(GENEROUS_CASH)
                .append("}],\"cashier\":\"bench\"}").toString();
    }

    private record Ref(double rate, Samples latency, double outboxPerSale, long outboxRows, double outboxRowsPerSecond) {
    }

    /**
     * The reference writer: the rows of {@code sales} sales through plain JDBC into a fresh shop-schema file,
     * {@code perTx} sales per transaction.
     */
    private Ref referenceSales(SQLiteConfig.SynchronousMode sync, int sales, int perTx) throws Exception {
        Path file = run.resolve("reference-" + sync.name().toLowerCase(Locale.ROOT) + "-" + perTx + ".db");
        SqliteDatabases.openShopSchema(file);
        SQLiteConfig config = SqliteDatabases.config();
        config.setSynchronous(sync);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        String shop = UUID.randomUUID().toString();
        Samples latency = new Samples();
        long rows;
        long elapsed;
        try (Connection c = ds.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO shop_config (id, name, created_at) VALUES ('" + shop + "', 'ref', '"
                        + Instant.now() + "')");
            }
            c.setAutoCommit(false);
            PreparedStatement hlc = c.prepareStatement("UPDATE sync_context SET hlc = ? WHERE id = 1");
            PreparedStatement counter = c.prepareStatement("INSERT INTO receipt_counters (shop_id, last_no) VALUES (?, 1) "
                    + "ON CONFLICT (shop_id) DO UPDATE SET last_no = last_no + 1");
            PreparedStatement receipt = c.prepareStatement("SELECT last_no FROM receipt_counters WHERE shop_id = ?");
            PreparedStatement session = c.prepareStatement("SELECT id FROM cash_sessions WHERE shop_id = ? AND status = 'open'");
            PreparedStatement order = c.prepareStatement("INSERT INTO sales_orders (id, shop_id, receipt_no, kind, status, "
                    + "refund_of, cash_session_id, cashier, subtotal_cents, discount_cents, tax_cents, total_cents, rounding_cents, "
                    + "paid_cents, change_cents, note, created_at) VALUES (?, ?, ?, 'sale', 'completed', NULL, ?, 'bench', ?, 0, ?, ?, 0, ?, ?, NULL, ?)");
            PreparedStatement line = c.prepareStatement("INSERT INTO sales_order_items (id, shop_id, order_id, line_no, item_id, "
                    + "sku, barcode, name, unit_price_cents, quantity_milli, tax_rate_id, tax_rate_bp, tax_inclusive, price_overridden, "
                    + "discount_cents, subtotal_cents, tax_cents, total_cents, refunded_line_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1000, ?, ?, 1, 0, 0, ?, ?, ?, NULL)");
            PreparedStatement stock = c.prepareStatement("INSERT INTO stock_movements (id, shop_id, item_id, delta_milli, reason, "
                    + "ref_id, created_at) VALUES (?, ?, ?, -1000, 'sale', ?, ?)");
            PreparedStatement payment = c.prepareStatement("INSERT INTO sales_order_payments (id, shop_id, order_id, method, "
                    + "amount_cents, tendered_cents, change_cents, created_at) VALUES (?, ?, ?, 'cash', ?, ?, ?, ?)");
            long begin = System.nanoTime();
            long txStart = begin;
            for (int n = 0; n < sales; n++) {
                String now = Instant.now().toString();
                hlc.setString(1, String.format("%015d-%06d-%s", System.currentTimeMillis(), n % 1000, shop));
                hlc.executeUpdate();
                counter.setString(1, shop);
                counter.executeUpdate();
                receipt.setString(1, shop);
                long no;
                try (ResultSet rs = receipt.executeQuery()) {
                    rs.next();
                    no = rs.getLong(1);
                }
                session.setString(1, shop);
                String sessionId = null;
                try (ResultSet rs = session.executeQuery()) {
                    if (rs.next()) {
                        sessionId = rs.getString(1);
                    }
                }
                String orderId = uuids.next().toString();
                int lines = 2 + (n & 1);
                long total = 0;
                for (int i = 0; i < lines; i++) {
                    total += basket.get(i).path("priceCents").asLong();
                }
                order.setString(1, orderId);
                order.setString(2, shop);
                order.setLong(3, no);
                order.setString(4, sessionId);
                order.setLong(5, total);
                order.setLong(6, total / 6);
                order.setLong(7, total);
                order.setLong(8, GENEROUS_CASH);
                order.setLong(9, GENEROUS_CASH - total);
                order.setString(10, now);
                order.executeUpdate();
                for (int i = 0; i < lines; i++) {
                    JsonNode item = basket.get(i);
                    long price = item.path("priceCents").asLong();
                    line.setString(1, uuids.next().toString());
                    line.setString(2, shop);
                    line.setString(3, orderId);
                    line.setInt(4, i + 1);
                    line.setString(5, item.path("id").asText());
                    line.setString(6, item.path("sku").asText());
                    line.setString(7, item.path("barcode").asText(null));
                    line.setString(8, item.path("name").asText());
                    line.setLong(9, price);
                    line.setString(10, item.path("taxRateId").asText(null));
                    line.setLong(11, item.path("taxRateBp").asLong());
                    line.setLong(12, price);
                    line.setLong(13, price / 6);
                    line.setLong(14, price);
                    line.executeUpdate();
                    stock.setString(1, uuids.next().toString());
                    stock.setString(2, shop);
                    stock.setString(3, item.path("id").asText());
                    stock.setString(4, orderId);
                    stock.setString(5, now);
                    stock.executeUpdate();
                }
                payment.setString(1, uuids.next().toString());
                payment.setString(2, shop);
                payment.setString(3, orderId);
                payment.setLong(4, total);
                payment.setLong(5, GENEROUS_CASH);
                payment.setLong(6, GENEROUS_CASH - total);
                payment.setString(7, now);
                payment.executeUpdate();
                if ((n + 1) % perTx == 0 || n == sales - 1) {
                    c.commit();
                    long end = System.nanoTime();
                    latency.add(end - txStart);
                    txStart = end;
                }
            }
            elapsed = System.nanoTime() - begin;
            c.setAutoCommit(true);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM sync_changes")) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        double seconds = elapsed / 1e9;
        return new Ref(sales / seconds, latency, (double) rows / sales, rows, rows / seconds);
    }

    // -------------------------------------------------------------------------------------- 2. push

    private void push(BenchProcess till, String shopId) throws Exception {
        JsonNode before = till.http().get("/api/sync/status").json();
        long pendingRows = before.path("pendingChanges").asLong();
        long pendingSales = before.path("pendingCount").asLong();
        Map<String, Long> tillCounts = tillCounts(till, shopId);
        log("push: " + pendingRows + " outbox rows, " + pendingSales + " sales waiting; POST /api/sync");
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(till.baseUrl() + "/api/sync"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(15))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        long t1 = System.nanoTime();
        JsonNode answer = JSON.readTree(r.body());
        JsonNode after = till.http().get("/api/sync/status").json();
        long pushedRows = pendingRows - after.path("pendingChanges").asLong();
        double pushSeconds = (t1 - t0) / 1e9;
        double rowsPerSecond = pushedRows / pushSeconds;
        log("push: outcome " + answer.path("outcome").asText() + " in " + pushSeconds + " s; " + rowsPerSecond + " rows/s");

        // The ETL runs while the push goes on (each accepted batch wakes it); wait until PostgreSQL has everything.
        Map<String, Long> pg = new LinkedHashMap<>();
        long t2 = -1;
        try (Connection db = DriverManager.getConnection(pgUrl, "postgres", "")) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < deadline) {
                for (String table : tillCounts.keySet()) {
                    pg.put(table, count(db, "SELECT count(*) FROM " + table + " WHERE shop_id = ?", UUID.fromString(shopId)));
                }
                if (pg.equals(tillCounts)) {
                    t2 = System.nanoTime();
                    break;
                }
                Thread.sleep(100);
            }
        }
        long hubPeak = hub.peakRssKb();
        long loaded = tillCounts.values().stream().mapToLong(Long::longValue).sum();

        Ref ref = referenceSales(SQLiteConfig.SynchronousMode.FULL, (int) Math.min(pendingSales, 20_000),
                (int) Math.max(1, Math.round(500 / Math.max(1.0, (double) pendingRows / Math.max(1, pendingSales)))));

        md.append("\n### 2. Push: a till's outbox into its replica over HTTP\n\n");
        md.append("The till of section 1 with every sale of that section waiting (").append(String.format("%,d", pendingSales))
                .append(" sales, ").append(String.format("%,d", pendingRows)).append(" outbox rows); one `POST /api/sync` on the till ")
                .append("pushes them in batches of 500 rows (gzip JSON, one replica transaction per batch with synchronous=FULL). ")
                .append("Rows/s = `pendingChanges` before − after, divided by the wall time of the call. Outcome `")
                .append(answer.path("outcome").asText()).append("`, `pendingChanges` after: ").append(after.path("pendingChanges").asLong())
                .append(".\n\n| run | rows | seconds | rows/s |\n|---|---|---|---|\n");
        md.append(String.format("| push, till → hub replica over HTTP | %,d | %.1f | %,.0f |%n", pushedRows, pushSeconds, rowsPerSecond));
        if (t2 > 0) {
            double total = (t2 - t0) / 1e9;
            md.append(String.format("| same push until all its sales, lines and payments are in PostgreSQL (ETL runs meanwhile) | %,d outbox rows (%,d sales rows loaded) | %.1f | %,.0f |%n",
                    pushedRows, loaded, total, pushedRows / total));
        } else {
            md.append("| PostgreSQL did not have all rows within 10 minutes: ").append(pg).append(" vs the till ").append(tillCounts).append(" | | | |\n");
        }
        md.append(String.format("| reference: raw JDBC, the same kind of sales rows + capture triggers into a fresh shop-schema file, ~500 outbox rows per transaction (FULL) | %,d | %.1f | %,.0f |%n",
                ref.outboxRows, ref.outboxRows / ref.outboxRowsPerSecond, ref.outboxRowsPerSecond));
        md.append("\nHub peak RSS after the push and its ETL: ").append(mb(hubPeak)).append(".\n");
    }

    private Map<String, Long> tillCounts(BenchProcess till, String shopId) throws SQLException {
        SQLiteConfig ro = new SQLiteConfig();
        ro.setReadOnly(true);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + till.dataDir().resolve("shop.db"), ro.toProperties())) {
            for (String t : List.of("sales_orders", "sales_order_items", "sales_order_payments")) {
                counts.put(t, count(c, "SELECT count(*) FROM " + t + " WHERE shop_id = ?", shopId));
            }
        }
        return counts;
    }

    // -------------------------------------------------------------------------------- 3. freshness

    private void freshness() throws Exception {
        int samples = o.integer("fresh.samples", 40);
        int refSamples = o.integer("fresh.ref.samples", 20);
        JsonNode shop = provision("Bench till B");
        BenchProcess till = BenchProcess.till(run, "till-b", "--pos.hub-url=" + hub.baseUrl(),
                "--pos.enrolment-code=" + shop.path("enrolmentCode").asText(), "--pos.sync-interval=1s");
        started.add(till);
        till.start();
        awaitOnline(till);
        String url = till.baseUrl() + "/api/orders";
        Samples fresh = new Samples();
        Samples direct = new Samples();
        Samples etlOnly = new Samples();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        Random random = new Random(42);
        try (Connection pg = DriverManager.getConnection(pgUrl, "postgres", "");
             PreparedStatement find = pg.prepareStatement("SELECT 1 FROM sales_orders WHERE id = ?")) {
            for (int i = 0; i < samples + refSamples; i++) {
                Thread.sleep(200 + random.nextInt(800)); // sales land at random points of the sync interval
                UUID id = UUID.randomUUID();
                HttpResponse<String> r = post(url, saleBody(id.toString(), i));
                long committed = System.nanoTime();
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("sale " + r.statusCode() + " " + r.body());
                }
                long synced = -1;
                if (i >= samples) { // reference: sync at once instead of waiting for the interval
                    HttpResponse<String> s = post(till.baseUrl() + "/api/sync", "{}");
                    synced = System.nanoTime();
                    outcomes.merge(JSON.readTree(s.body()).path("outcome").asText(), 1, Integer::sum);
                }
                long seen = awaitRow(find, id, committed + TimeUnit.SECONDS.toNanos(60));
                if (seen < 0) {
                    throw new IllegalStateException("order " + id + " not in PostgreSQL within 60 s");
                }
                if (i < samples) {
                    fresh.add(seen - committed);
                } else {
                    direct.add(seen - committed);
                    if (outcomes.containsKey("ok")) {
                        etlOnly.add(Math.max(0, seen - synced));
                    }
                }
            }
        }
        till.stop();
        md.append("\n### 3a. Freshness: a sale at an online till → the row in the hub's PostgreSQL\n\n");
        md.append("A second till, enrolled, started with `--pos.sync-interval=1s`; the hub's ETL is event-driven (a push wakes ")
                .append("the shop's job; the hub polls the wake flag every 250 ms). A sale every 0.2–1.0 s (random, so sales fall at ")
                .append("any point of the interval); the clock starts when `POST /api/orders` has answered 201 (committed) and stops ")
                .append("when `SELECT 1 FROM sales_orders WHERE id = ?` on the hub's PostgreSQL finds it (polled every 10 ms).\n\n");
        md.append("| run | samples | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n");
        md.append(String.format("| sale → PostgreSQL, background sync every 1 s | %d | %s | %s | %s |%n", fresh.size(),
                Samples.f(fresh.ms(0.5)), Samples.f(fresh.ms(0.95)), Samples.f(fresh.maxMs())));
        md.append(String.format("| reference: sale, then `POST /api/sync` at once → PostgreSQL | %d | %s | %s | %s |%n", direct.size(),
                Samples.f(direct.ms(0.5)), Samples.f(direct.ms(0.95)), Samples.f(direct.maxMs())));
        md.append(String.format("| of which: `POST /api/sync` answered → PostgreSQL (ETL wake + load) | %d | %s | %s | %s |%n", etlOnly.size(),
                Samples.f(etlOnly.ms(0.5)), Samples.f(etlOnly.ms(0.95)), Samples.f(etlOnly.maxMs())));
        md.append("\nOutcomes of the reference's `POST /api/sync`: ").append(outcomes)
                .append(" (`skipped` = the background run was already under way and carried the sale).\n");
        summary.add("| sale-to-hub p95 < 2 s (sync interval 1 s) | " + Samples.f(fresh.ms(0.95)) + " ms | " + yes(fresh.ms(0.95) < 2000) + " |");
    }

    private static long awaitRow(PreparedStatement find, UUID id, long deadline) throws Exception {
        find.setObject(1, id);
        while (System.nanoTime() < deadline) {
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    return System.nanoTime();
                }
            }
            Thread.sleep(10);
        }
        return -1;
    }

    // ------------------------------------------------------------------------ 3b. price to N shops

    private static final class SimTill {
        final String shopId;
        final Connection writer;
        final Connection reader;
        final SyncClient client;
        final AtomicLong runs = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile String lastError;

        SimTill(String shopId, Connection writer, Connection reader, SyncClient client) {
            this.shopId = shopId;
            this.writer = writer;
            this.reader = reader;
            this.client = client;
        }
    }

    private void priceToShops(int shops) throws Exception {
        int rounds = o.integer("price.rounds", 3);
        int syncThreads = o.integer("price.threads", 8);
        int version = SchemaKind.SHOP.latestVersion();
        BenchTransport transport = new BenchTransport(hub.baseUrl(), HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
        Path dir = Files.createDirectories(run.resolve("sim-tills"));
        List<SimTill> tills = new ArrayList<>();
        log("price: provisioning and enrolling " + shops + " simulated tills");
        long p0 = System.nanoTime();
        for (int i = 0; i < shops; i++) {
            JsonNode shop = provision("Sim till " + i);
            EnrolResponse enrolled = BenchSupport.enrolWithRetry(transport, shop.path("enrolmentCode").asText(), version, 30, 500);
            Path file = dir.resolve(enrolled.shopId() + ".db");
            SQLiteDataSource ds = (SQLiteDataSource) SqliteDatabases.openShopSchema(file);
            Connection writer = ds.getConnection();
            try (PreparedStatement st = writer.prepareStatement(
                    "INSERT INTO shop_config (id, name, enrolled_at, created_at) VALUES (?, ?, ?, ?)")) {
                st.setString(1, enrolled.shopId());
                st.setString(2, enrolled.shopName());
                st.setString(3, Instant.now().toString());
                st.setString(4, Instant.now().toString());
                st.executeUpdate();
            }
            SQLiteConfig ro = new SQLiteConfig();
            ro.setReadOnly(true);
            Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file, ro.toProperties());
            DSLContext dsl = DSL.using(writer, SQLDialect.SQLITE);
            HubApi api = new HubApi(transport, new ShopCredentials(enrolled.shopId(), enrolled.secret()), version, Clock.systemUTC());
            tills.add(new SimTill(enrolled.shopId(), writer, reader, new SyncClient(dsl, api, Clock.systemUTC())));
        }
        double provisionSeconds = (System.nanoTime() - p0) / 1e9;
        log("price: bootstrapping catalogs");
        long b0 = System.nanoTime();
        ExecutorService boot = Executors.newFixedThreadPool(4);
        List<Future<SyncOutcome>> boots = new ArrayList<>();
        for (SimTill t : tills) {
            boots.add(boot.submit(() -> t.client.run()));
        }
        int bootFailed = 0;
        for (Future<SyncOutcome> f : boots) {
            if (!f.get().ok()) {
                bootFailed++;
            }
        }
        boot.shutdown();
        double bootSeconds = (System.nanoTime() - b0) / 1e9;
        long catalogRows = count(tills.get(0).reader, "SELECT count(*) FROM items");

        // Every simulated till syncs every second (fixed delay after its run), like --pos.sync-interval=1s.
        Samples runTimes = new Samples();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(syncThreads);
        Random random = new Random(7);
        for (SimTill t : tills) {
            scheduler.scheduleWithFixedDelay(() -> {
                long s = System.nanoTime();
                try {
                    SyncOutcome outcome = t.client.run();
                    if (!outcome.ok()) {
                        t.failures.incrementAndGet();
                        t.lastError = outcome.errorCode();
                    }
                } catch (RuntimeException e) {
                    t.failures.incrementAndGet();
                    t.lastError = e.toString();
                }
                t.runs.incrementAndGet();
                runTimes.add(System.nanoTime() - s);
            }, random.nextInt(1000), 1000, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(5000); // steady state
        long runsBefore = tills.stream().mapToLong(t -> t.runs.get()).sum();
        long steady0 = System.nanoTime();

        JsonNode items = admin.get("/api/admin/items?limit=20&sort=name").json().path("items");
        Samples all = new Samples();
        Samples puts = new Samples();
        List<String> roundRows = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            JsonNode item = items.get(r % items.size());
            String id = item.path("id").asText();
            long price = item.path("priceCents").asLong() + 11 + r;
            long s = System.nanoTime();
            JsonHttp.Response put = admin.put("/api/admin/items/" + id, Map.of("priceCents", price));
            long changed = System.nanoTime();
            puts.add(changed - s);
            if (put.status() != 200) {
                throw new IllegalStateException(put.toString());
            }
            Samples round = new Samples();
            Map<SimTill, Boolean> seen = new ConcurrentHashMap<>();
            long deadline = changed + TimeUnit.SECONDS.toNanos(120);
            while (seen.size() < tills.size() && System.nanoTime() < deadline) {
                for (SimTill t : tills) {
                    if (!seen.containsKey(t) && count(t.reader, "SELECT count(*) FROM items WHERE id = ? AND price_cents = "
                            + price, id) == 1) {
                        seen.put(t, true);
                        round.add(System.nanoTime() - changed);
                    }
                }
                Thread.sleep(20);
            }
            all.addAll(round);
            roundRows.add(String.format("| %d | %s | %d / %d | %s | %s | %s |", r + 1, Samples.f((changed - s) / 1e6),
                    round.size(), tills.size(), Samples.f(round.ms(0.5)), Samples.f(round.ms(0.95)),
                    round.size() == tills.size() ? Samples.f(round.maxMs()) : "not all within 120 s"));
            log("price round " + (r + 1) + ": " + round.size() + " tills, all after " + Samples.f(round.maxMs()) + " ms");
            Thread.sleep(1500);
        }
        double steadySeconds = (System.nanoTime() - steady0) / 1e9;
        long runsDuring = tills.stream().mapToLong(t -> t.runs.get()).sum() - runsBefore;
        long failures = tills.stream().mapToLong(t -> t.failures.get()).sum();
        String someError = tills.stream().map(t -> t.lastError).filter(e -> e != null).findFirst().orElse("none");
        scheduler.shutdown();
        scheduler.awaitTermination(60, TimeUnit.SECONDS);
        long hubPeak = hub.peakRssKb();
        for (SimTill t : tills) {
            t.reader.close();
            t.writer.close();
        }

        md.append("\n### 3b. Freshness: a price changed at the hub → ").append(shops).append(" tills' databases\n\n");
        md.append("What was measured: the real hub process and ").append(shops).append(" **simulated tills in the benchmark JVM**, ")
                .append("each a real shop-schema SQLite file (WAL, FULL) driven by etl-core's real `SyncClient` over real HTTP ")
                .append("(the till's transport: gzip, JSON), enrolled with codes from `POST /api/admin/shops`. Each runs a sync ")
                .append("every second (fixed delay after its previous run, like `--pos.sync-interval=1s`) on a pool of ")
                .append(syncThreads).append(" threads. Not measured: ").append(shops).append(" till *processes* (a Spring Boot till ")
                .append("needs ~200 MB and a core to start; 2 cores do not hold 100). The clock starts when ")
                .append("`PUT /api/admin/items/{id}` with a new `priceCents` has answered 200 and stops, per till, when that till's ")
                .append("`items` row has the new price (polled every 20 ms through a read-only connection per file).\n\n");
        md.append(String.format("Set-up: %d shops provisioned and enrolled in %.1f s; first sync (catalog snapshot, %d items) of all %d in %.1f s on 4 threads (%d failed).%n%n",
                shops, provisionSeconds, catalogRows, shops, bootSeconds, bootFailed));
        md.append("| round | PUT ms | tills with the new price | p50 ms | p95 ms | all tills ms |\n|---|---|---|---|---|---|\n");
        roundRows.forEach(r -> md.append(r).append('\n'));
        md.append(String.format("%nReference (same run): one sync run of a simulated till (status + pull + push of nothing, or of the new row) p50 %s ms, p95 %s ms, p99 %s ms; "
                        + "%.0f runs/s against the hub during the rounds (%d tills × ~1/s); %d failed runs (%s).%n",
                Samples.f(runTimes.ms(0.5)), Samples.f(runTimes.ms(0.95)), Samples.f(runTimes.ms(0.99)),
                runsDuring / steadySeconds, shops, failures, someError));
        md.append("Hub peak RSS after this section: ").append(mb(hubPeak)).append(".\n");
        double allMax = all.size() == (long) shops * rounds ? all.maxMs() : Double.NaN;
        summary.add("| price change to " + shops + " shops < 10 s | " + (Double.isNaN(allMax) ? "not all reached" : Samples.f(allMax) + " ms (worst of "
                + rounds + " rounds, simulated tills)") + " | " + yes(!Double.isNaN(allMax) && allMax < 10_000) + " |");
    }

    // ----------------------------------------------------------------------------------- 4. search

    private static final String[] ADJ = {"Organic", "Fresh", "Classic", "Smoked", "Roasted", "Spicy", "Sweet", "Light",
        "Premium", "Farm", "Wild", "Golden", "Dark", "Crunchy", "Creamy", "Salted", "Mild", "Zesty", "Rustic", "Tiny"};
    private static final String[] NOUN = {"Apple", "Banana", "Cherry", "Coffee", "Tea", "Butter", "Cheese", "Yoghurt",
        "Bread", "Baguette", "Croissant", "Pasta", "Rice", "Beans", "Lentils", "Tomato", "Potato", "Onion", "Garlic", "Pepper",
        "Chocolate", "Biscuit", "Cracker", "Honey", "Jam", "Juice", "Water", "Lemonade", "Cola", "Beer", "Wine", "Cider",
        "Salmon", "Tuna", "Chicken", "Sausage", "Ham", "Bacon", "Egg", "Milk", "Cream", "Soup", "Olive", "Mustard",
        "Ketchup", "Vinegar", "Flour", "Sugar", "Salt", "Oats"};

    private void search(int itemCount) throws Exception {
        int queries = o.integer("search.queries", 200);
        BenchProcess till = BenchProcess.till(run, "till-c");
        started.add(till);
        till.start();
        Path file = till.dataDir().resolve("shop.db");
        log("search: seeding " + itemCount + " items into " + file);
        long s0 = System.nanoTime();
        SQLiteDataSource ds = SqliteDatabases.dataSource(file);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE sync_context SET applying_remote = 1 WHERE id = 1"); // set-up, not shop edits
            }
            String hlc = String.format("%015d-%06d-bench", System.currentTimeMillis(), 0);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO items (id, sku, barcode, name, price_cents, unit, active, "
                    + "last_modified_at, version, deleted) VALUES (?, ?, ?, ?, ?, 'each', 1, ?, 1, 0)")) {
                for (int i = 0; i < itemCount; i++) {
                    ins.setString(1, uuids.next().toString());
                    ins.setString(2, String.format("SKU%06d", i));
                    ins.setString(3, String.format("40%011d", i));
                    ins.setString(4, ADJ[(i / NOUN.length) % ADJ.length] + " " + NOUN[i % NOUN.length] + " " + String.format("%05d", i));
                    ins.setLong(5, 99 + i % 2000);
                    ins.setString(6, hlc);
                    ins.addBatch();
                    if (i % 5000 == 4999) {
                        ins.executeBatch();
                    }
                }
                ins.executeBatch();
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE sync_context SET applying_remote = 0 WHERE id = 1");
            }
            c.commit();
        }
        double seedSeconds = (System.nanoTime() - s0) / 1e9;
        long total;
        try (Connection c = ds.getConnection()) {
            total = count(c, "SELECT count(*) FROM items WHERE active = 1 AND deleted = 0");
        }

        Random random = new Random(11);
        Map<String, java.util.function.Supplier<String>> kinds = new LinkedHashMap<>();
        kinds.put("name substring, common (e.g. `ocola`, ~2 % of items)", () -> {
            String n = NOUN[random.nextInt(NOUN.length)].toLowerCase(Locale.ROOT);
            // Three characters at least ("egg", not "gg"): shorter terms match names by prefix only.
            return n.length() >= 4 ? n.substring(1, Math.min(n.length(), 5)) : n;
        });
        kinds.put("name substring, rare (5 digits of the name, 1 item)", () -> {
            String digits = String.format("%05d", random.nextInt(itemCount));
            return digits.startsWith("40") ? "12345" : digits; // "40…" would also be a barcode prefix
        });
        kinds.put("SKU prefix (`SKU0123`, 100 items)", () -> String.format("SKU%04d", random.nextInt(itemCount / 100)));
        kinds.put("barcode prefix (10 digits, 1,000 items)", () -> String.format("40%011d", random.nextInt(itemCount)).substring(0, 10));
        kinds.put("two characters (`Sm`, name prefix, ~8 % of items)", () -> ADJ[random.nextInt(ADJ.length)].substring(0, 2));

        md.append("\n### 4. Till search at ").append(String.format("%,d", total)).append(" items: `GET /api/items?q=`\n\n");
        md.append(String.format("A standalone till (demo catalog) with %,d items added straight into its SQLite file with JDBC (%.1f s; set-up, no outbox rows). ", itemCount, seedSeconds))
                .append("Names like `Smoked Coffee 01234`, SKUs `SKU001234`, 13-digit barcodes `4000000001234`. For each kind ")
                .append(queries).append(" queries with random terms after 30 warm-up queries, `limit=20`, one client thread. ")
                .append("The till answers through shop migration V4's indexes (FTS5 trigram on names, NOCASE B-trees on SKU and barcode; ")
                .append("`total` counted up to 1,000). Reference (\"before\"): the till's previous query, `lower(name) LIKE %q%` OR `sku LIKE q%` ")
                .append("OR `barcode LIKE q%` (active, not deleted), ORDER BY name NOCASE, LIMIT 20 and the full count, through JDBC on the ")
                .append("same file in the benchmark JVM.\n\n");
        md.append("| query | HTTP p50 ms | HTTP p99 ms | before (old query, JDBC) p50 ms | before p99 ms |\n|---|---|---|---|---|\n");
        double worstP99 = 0;
        SQLiteConfig ro = new SQLiteConfig();
        ro.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, ro.toProperties())) {
            String where = " FROM items WHERE active = 1 AND deleted = 0 AND (lower(name) LIKE lower('%' || ?1 || '%') ESCAPE '!' "
                    + "OR sku LIKE (?1 || '%') ESCAPE '!' OR barcode LIKE (?1 || '%') ESCAPE '!')";
            PreparedStatement page = c.prepareStatement("SELECT id, sku, barcode, name, price_cents, unit, category_id, tax_rate_id"
                    + where + " ORDER BY name COLLATE NOCASE, id LIMIT 20 OFFSET 0");
            PreparedStatement cnt = c.prepareStatement("SELECT count(*)" + where);
            for (Map.Entry<String, java.util.function.Supplier<String>> kind : kinds.entrySet()) {
                Samples web = new Samples();
                Samples jdbc = new Samples();
                for (int i = 0; i < 30 + queries; i++) {
                    String q = kind.getValue().get();
                    long s = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(till.baseUrl() + "/api/items?limit=20&q="
                            + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
                    long e = System.nanoTime();
                    if (r.statusCode() != 200 || JSON.readTree(r.body()).path("total").asInt() < 1) {
                        throw new IllegalStateException("search " + q + ": " + r.statusCode() + " " + r.body());
                    }
                    s = i >= 30 ? s : -1;
                    if (s >= 0) {
                        web.add(e - s);
                    }
                    long js = System.nanoTime();
                    page.setString(1, q);
                    try (ResultSet rs = page.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(4);
                        }
                    }
                    cnt.setString(1, q);
                    try (ResultSet rs = cnt.executeQuery()) {
                        rs.next();
                    }
                    if (i >= 30) {
                        jdbc.add(System.nanoTime() - js);
                    }
                }
                worstP99 = Math.max(worstP99, web.ms(0.99));
                md.append(String.format("| %s | %s | %s | %s | %s |%n", kind.getKey(), Samples.f(web.ms(0.5)), Samples.f(web.ms(0.99)),
                        Samples.f(jdbc.ms(0.5)), Samples.f(jdbc.ms(0.99))));
            }
        }
        long peak = till.peakRssKb();
        till.stop();
        md.append("\nThe old query had no index to use (a substring match anywhere in the name, ORed with the prefixes) and ")
                .append("scanned the table twice per request (page and total); the till now takes the union of three index lookups, ")
                .append("sorts only the matches by name and stops counting at 1,001. One- and two-character terms match names by prefix ")
                .append("(the old query matched them anywhere, so its row is not the same question). Till peak RSS after the searches: ")
                .append(mb(peak)).append(".\n");
        summary.add("| till search < 50 ms at 100k items (p99, worst kind) | " + Samples.f(worstP99) + " ms | " + yes(worstP99 < 50) + " |");
    }

    // ------------------------------------------------------------------ 6. bootstrap of a new shop

    private long tillPeakAfterBootstrap = -1;

    /**
     * A new shop joins a hub whose catalog holds {@code itemCount} more items: provisioning, the till's first
     * start with the code (enrolment), the whole catalog pulled and installed, a search that finds the new
     * catalog, the first sale. A hub of its own, so that the other sections' shops do not each receive the items.
     */
    private void bootstrap(int itemCount) throws Exception {
        Path root = Files.createDirectories(run.resolve("bootstrap"));
        String password = "bench-" + Long.toHexString(System.nanoTime());
        BenchProcess bootHub = BenchProcess.hub(root, password, com.lightningpos.e2e.support.E2e.freePort());
        started.add(bootHub);
        bootHub.start();
        JsonHttp bootAdmin = bootHub.http().withBasicAuth("admin", password);
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));

        log("bootstrap: importing " + itemCount + " items into a fresh hub");
        long i0 = System.nanoTime();
        int perFile = 50_000;
        for (int from = 0; from < itemCount; from += perFile) {
            StringBuilder csv = new StringBuilder("sku,barcode,name,price,category,tax_rate\n");
            for (int i = from; i < Math.min(itemCount, from + perFile); i++) {
                csv.append(String.format("BT%06d,41%011d,", i, i)).append(ADJ[(i / NOUN.length) % ADJ.length]).append(' ')
                        .append(NOUN[i % NOUN.length]).append(String.format(" %05d,%d.25,,%n", i, 1 + i % 97));
            }
            HttpResponse<String> imported = null;
            for (int attempt = 0; attempt < 40 && (imported == null || imported.statusCode() == 401); attempt++) {
                if (imported != null) {
                    Thread.sleep(250); // the first console user is created just after start
                }
                imported = http.send(HttpRequest.newBuilder(URI.create(bootHub.baseUrl() + "/api/admin/items/import"))
                        .timeout(Duration.ofMinutes(10)).header("Authorization", auth).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
            }
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("CSV import answered " + imported.statusCode() + ": " + imported.body());
            }
        }
        double importSeconds = (System.nanoTime() - i0) / 1e9;

        log("bootstrap: provisioning and starting a new till");
        long t0 = System.nanoTime();
        JsonNode shop = bootAdmin.post("/api/admin/shops", Map.of("name", "Bench new shop")).json();
        long provisioned = System.nanoTime();
        BenchProcess till = BenchProcess.till(root, "till-new", "--pos.hub-url=" + bootHub.baseUrl(),
                "--pos.enrolment-code=" + shop.path("enrolmentCode").asText(), "--pos.sync-interval=1s");
        started.add(till);
        till.start();
        long up = System.nanoTime();
        JsonHttp api = till.http();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        long enrolled = -1;
        long catalogIn = -1;
        long lastItems = 0;
        Path file = till.dataDir().resolve("shop.db");
        SQLiteConfig ro = new SQLiteConfig();
        ro.setReadOnly(true);
        while (catalogIn < 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the new till did not get the catalog (" + lastItems + " of " + itemCount
                        + " items)\n" + till.logTail(40));
            }
            JsonNode status = api.get("/api/sync/status").json();
            if (enrolled < 0 && "online".equals(status.path("state").asText())) {
                enrolled = System.nanoTime();
            }
            if (Files.exists(file)) {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, ro.toProperties())) {
                    lastItems = count(c, "SELECT count(*) FROM items WHERE sku >= 'BT' AND sku < 'BU'");
                } catch (SQLException notYet) {
                    // the file is created and migrated at the till's start; a read can meet it half-way
                }
            }
            if (lastItems >= itemCount && !status.path("bootstrap").path("inProgress").asBoolean(false)) {
                catalogIn = System.nanoTime();
                enrolled = enrolled < 0 ? catalogIn : enrolled;
            } else {
                Thread.sleep(100);
            }
        }
        String wanted = String.format("BT%06d", itemCount - 1);
        String term = String.format("%s %05d", NOUN[(itemCount - 1) % NOUN.length], itemCount - 1);
        long s0 = System.nanoTime();
        JsonNode found = api.get("/api/items?limit=20&q=" + java.net.URLEncoder.encode(term, StandardCharsets.UTF_8)).json();
        long searched = System.nanoTime();
        JsonNode item = null;
        for (JsonNode i : found.path("items")) {
            if (wanted.equals(i.path("sku").asText())) {
                item = i;
            }
        }
        if (item == null) {
            throw new IllegalStateException("search for " + term + " did not find " + wanted + ": " + found);
        }
        String sale = "{\"id\":\"" + UUID.randomUUID() + "\",\"lines\":[{\"itemId\":\"" + item.path("id").asText()
                + "\",\"quantity\":1}],\"payments\":[{\"method\":\"card\",\"amountCents\":" + item.path("priceCents").asLong() + "}]}";
        HttpResponse<String> sold = post(till.baseUrl() + "/api/orders", sale);
        long firstSale = System.nanoTime();
        if (sold.statusCode() != 201) {
            throw new IllegalStateException("first sale answered " + sold.statusCode() + ": " + sold.body());
        }
        tillPeakAfterBootstrap = till.peakRssKb();
        long dbBytes = Files.size(file) + (Files.exists(file.resolveSibling("shop.db-wal")) ? Files.size(file.resolveSibling("shop.db-wal")) : 0);
        till.stop();
        bootHub.stop();

        md.append("\n### 6. Bootstrap of a new shop on a ").append(String.format("%,d", itemCount)).append("-item catalog\n\n");
        md.append(String.format("A fresh hub (same flags as above, its demo catalog) with %,d more items imported through "
                + "`POST /api/admin/items/import` in CSV files of %,d rows (%.1f s, not part of the bootstrap). Then, clock started: "
                + "`POST /api/admin/shops` → a new till process started with the enrolment code and `--pos.sync-interval=1s` "
                + "(its start-up sync may come before the hub has prepared the catalog; the default interval is 5 min) → the hub copies its catalog into the new shop's replica (outbound log), the till "
                + "enrols and pulls it page by page, each row applied to its SQLite file (FULL) with the search index kept by "
                + "triggers → a search for the last imported item's name → a card sale of it. \"Catalog installed\" is when a "
                + "read-only connection on the till's file counts all %,d items and the till no longer reports a bootstrap in "
                + "progress (polled every 100 ms).%n%n", itemCount, perFile, importSeconds, itemCount));
        md.append("| step | s after provisioning began |\n|---|---|\n");
        md.append(String.format("| shop provisioned (`POST /api/admin/shops` answered) | %.2f |%n", (provisioned - t0) / 1e9));
        md.append(String.format("| till process up (JVM start, schema, HTTP healthy) | %.1f |%n", (up - t0) / 1e9));
        md.append(String.format("| till enrolled and online (first seen by polling the status) | %.1f |%n", (enrolled - t0) / 1e9));
        md.append(String.format("| catalog installed: %,d items in the till's database | %.1f |%n", itemCount, (catalogIn - t0) / 1e9));
        md.append(String.format("| first search answered with the item (`q=%s`, %.1f ms) | %.1f |%n", term, (searched - s0) / 1e6, (searched - t0) / 1e9));
        md.append(String.format("| first sale committed (201) | %.1f |%n", (firstSale - t0) / 1e9));
        md.append(String.format("%nThe till's database after the bootstrap: %,.0f MiB (file + WAL). Till peak RSS: %s.%n",
                dbBytes / 1048576.0, mb(tillPeakAfterBootstrap)));
        summary.add(String.format("| new shop at %,d items: provisioning → first sale (no target set) | %.1f s | — |", itemCount, (firstSale - t0) / 1e9));
    }

    // ----------------------------------------------------------------------------------- 5. memory

    private void memory(long hubPeak, long pgRss) {
        md.append("\n### 5. Memory\n\n| process | peak RSS (VmHWM) |\n|---|---|\n");
        md.append("| till during the sale benchmark (`").append(String.join(" ", BenchProcess.TILL_JVM)).append("`) | ").append(mb(tillPeakAfterSales)).append(" |\n");
        if (tillPeakAfterBootstrap >= 0) {
            md.append("| new till: enrolment, bootstrap of the whole catalog, first search and sale (section 6) | ")
                    .append(mb(tillPeakAfterBootstrap)).append(" |\n");
        }
        md.append("| hub JVM over the whole run: push + ETL, freshness, ").append(o.integer("shops", 100))
                .append(" syncing tills (`").append(String.join(" ", BenchProcess.HUB_JVM)).append("`) | ").append(mb(hubPeak)).append(" |\n");
        md.append("| the hub's embedded PostgreSQL (postmaster and its children) at the end of the hub's runs: sum of current RSS, shared memory counted once per process, so an upper bound | ")
                .append(mb(pgRss)).append(" |\n");
    }

    // ----------------------------------------------------------------------------------- helpers

    private JsonNode provision(String name) throws InterruptedException {
        return BenchSupport.provision(admin, name);
    }

    private void awaitOnline(BenchProcess till) throws InterruptedException {
        JsonHttp api = till.http();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("/api/sync/status").json();
            boolean online = "online".equals(last.path("state").asText()) && !last.path("bootstrap").path("inProgress").asBoolean(false)
                    && !last.path("lastSyncedAt").isNull();
            if (online && api.get("/api/items?limit=1").json().path("total").asInt() > 0) {
                return;
            }
            if (online) {
                // The start-up sync can run before the hub has copied its catalog into the new replica;
                // with a long sync interval the till would then wait for its next run.
                api.post("/api/sync", Map.of());
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(till.name() + " not online with a catalog: " + last + "\n" + till.logTail(40));
    }

    private static List<JsonNode> pickBasket(BenchProcess till) {
        JsonNode items = till.http().get("/api/items?limit=200").json().path("items");
        List<JsonNode> picked = new ArrayList<>();
        for (JsonNode i : items) {
            long price = i.path("priceCents").asLong();
            if ("each".equals(i.path("unit").asText()) && price > 0 && price < 2500 && picked.size() < 3) {
                picked.add(i);
            }
        }
        if (picked.size() < 3) {
            throw new IllegalStateException("fewer than 3 items sold by the piece under 25.00 in " + items);
        }
        return picked;
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String row(String name, int n, double rate, Samples s) {
        return String.format("| %s | %,d | %,.0f | %s | %s | %s |%n", name, n, rate, Samples.f(s.ms(0.5)), Samples.f(s.ms(0.99)),
                Samples.f(s.maxMs()));
    }

    private static String yes(boolean ok) {
        return ok ? "yes" : "**no**";
    }

    private void stopAll() {
        for (BenchProcess p : started) {
            try {
                p.stop();
            } catch (RuntimeException e) {
                System.err.println("stopping " + p.name() + ": " + e);
            }
        }
    }

    private static void log(String line) {
        BenchSupport.log("bench", line);
    }

    private static String otherJvms() {
        long self = ProcessHandle.current().pid();
        List<String> found = ProcessHandle.allProcesses().filter(p -> p.pid() != self)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("surefire") || c.contains("plexus-classworlds") || c.contains("MavenWrapperMain"))
                .map(c -> c.contains("surefire") ? "surefire test JVM" : "Maven")
                .toList();
        if (found.isEmpty()) {
            return "none";
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        found.forEach(f -> counts.merge(f, 1L, Long::sum));
        return counts.toString().replace("{", "").replace("}", "").replace("=", " × ");
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            long kb = lines.filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
            return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String osName() {
        try (Stream<String> lines = Files.lines(Path.of("/etc/os-release"))) {
            return lines.filter(l -> l.startsWith("PRETTY_NAME=")).findFirst().map(l -> l.substring(12).replace("\"", ""))
                    .orElse("Linux");
        } catch (IOException e) {
            return "Linux";
        }
    }

    private static String sqliteVersion() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sqlite_version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    /** {@code key=value} arguments. */
    static final class Options {
        private final Map<String, String> values = new LinkedHashMap<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (String a : args) {
                for (String part : a.trim().split("\\s+")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) {
                        o.values.put(part.substring(0, eq), part.substring(eq + 1));
                    }
                }
            }
            return o;
        }

        String str(String key, String dflt) {
            return values.getOrDefault(key, dflt);
        }

        int integer(String key, int dflt) {
            return values.containsKey(key) ? Integer.parseInt(values.get(key)) : dflt;
        }

        boolean bool(String key, boolean dflt) {
            return values.containsKey(key) ? Boolean.parseBoolean(values.get(key)) : dflt;
        }

        String raw() {
            return values.isEmpty() ? "(defaults)" : values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .reduce((a, b) -> a + " " + b).orElse("");
        }
    }
}
