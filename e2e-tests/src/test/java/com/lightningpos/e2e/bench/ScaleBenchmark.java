package com.lightningpos.e2e.bench;

import static com.lightningpos.e2e.bench.BenchSupport.loadAvg;
import static com.lightningpos.e2e.bench.BenchSupport.mb;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.db.SchemaKind;
import com.lightningpos.e2e.support.E2e;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.etl.sync.EnrolResponse;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.PushResponse;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.etl.sync.client.HubCallException;
import com.lightningpos.etl.sync.client.ShopCredentials;
import com.lightningpos.etl.testing.TillSales;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The scale run of issue 8: one real hub process (admin-console jar, embedded PostgreSQL with fsync on, ETL
 * on) and N provisioned shops that enrol and push their sales over HTTP with the real protocol (enrol,
 * token, {@code POST /sync/v1/shops/{id}/changes}, gzip JSON, batches of 500 rows), then waits until
 * PostgreSQL holds every sale with its line and payment exactly once (counts and sums). The shops are
 * simulated in this JVM: each one's outbox rows are generated in the form a till's capture triggers write
 * them (the full row as payload, seq gap-free from 1, an HLC per change), not by 1,000 till processes.
 *
 * <pre>
 * ./mvnw -B -o -pl admin-console,e2e-tests -am package -DskipTests
 * ./mvnw -q -o -pl e2e-tests dependency:build-classpath -Dmdep.outputFile=/tmp/bench.cp -Dmdep.includeScope=test
 * (cd e2e-tests &amp;&amp; java -cp target/test-classes:../etl-core/target/classes:../etl-core/target/test-classes:../db/target/classes:$(cat /tmp/bench.cp) \
 *     com.lightningpos.e2e.bench.ScaleBenchmark shops=1000 sales=1000000)
 * </pre>
 * Keys ({@code key=value}): {@code shops} (1000), {@code sales} (1,000,000 in all), {@code threads} (4 pushing
 * shops at a time), {@code batch} (500 rows per push), {@code timeout.minutes} (40), {@code work}
 * ({@code target/bench-scale}). Writes {@code <work>/scale-report.md}. A quick try: {@code shops=20 sales=20000}.
 */
public final class ScaleBenchmark {

    private final BenchmarkReport.Options o;
    private final Path run;
    private final StringBuilder md = new StringBuilder();
    private BenchProcess hub;

    private ScaleBenchmark(BenchmarkReport.Options o, Path run) {
        this.o = o;
        this.run = run;
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        BenchmarkReport.Options o = BenchmarkReport.Options.parse(args);
        Path module = BenchSupport.module();
        BenchSupport.defaultJar("hub.jar", module.resolve("../admin-console/target/admin-console.jar"));
        // E2e resolves both jars; no till is started here
        BenchSupport.defaultJar("pos.jar", module.resolve("../local-pos-server/target/local-pos-server.jar"));
        Path work = module.resolve(o.str("work", "target/bench-scale")).toAbsolutePath().normalize();
        ScaleBenchmark bench = new ScaleBenchmark(o, BenchSupport.freshRunDir(work));
        int code = BenchSupport.runAndReport(bench::runAll, bench.md, () -> {
            if (bench.hub != null) {
                bench.hub.stop();
            }
        }, work.resolve("scale-report.md"));
        System.exit(code); // always: the HTTP client's threads would keep the JVM alive
    }

    private void runAll() throws Exception {
        int shops = o.integer("shops", 1000);
        int sales = o.integer("sales", 1_000_000);
        int threads = o.integer("threads", 4);
        int batchRows = o.integer("batch", 500);
        if (sales % shops != 0) {
            throw new IllegalArgumentException("sales must be a multiple of shops");
        }
        int salesPerShop = sales / shops;
        long rows = 3L * sales;
        String loadStart = loadAvg();
        Instant began = Instant.now();
        long t0 = System.nanoTime();

        int dbPort = E2e.freePort();
        String password = "scale-" + Long.toHexString(System.nanoTime());
        hub = BenchProcess.hub(run, password, dbPort);
        Duration hubUp = hub.start();
        log("hub up in " + hubUp.toMillis() + " ms at " + hub.baseUrl() + ", PostgreSQL on " + dbPort);
        JsonHttp admin = hub.http().withBasicAuth("admin", password);
        String pgUrl = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        BenchTransport transport = new BenchTransport(hub.baseUrl(), http);
        int version = SchemaKind.SHOP.latestVersion();

        // 1. Provision and enrol every shop (4 at a time); enrolment is limited to 10/s per address by the hub.
        long p0 = System.nanoTime();
        List<ShopCredentials> enrolled = parallel(threads, shops, i -> {
            JsonNode shop = BenchSupport.provision(admin, "Scale shop " + i);
            EnrolResponse e = BenchSupport.enrolWithRetry(transport, shop.path("enrolmentCode").asText(), version, 200, 200);
            return new ShopCredentials(e.shopId(), e.secret());
        });
        double enrolSeconds = (System.nanoTime() - p0) / 1e9;
        log(String.format(Locale.ROOT, "%d shops provisioned and enrolled in %.1f s", shops, enrolSeconds));

        Totals before;
        try (Connection pg = DriverManager.getConnection(pgUrl, "postgres", "")) {
            before = Totals.read(pg);
        }

        // 2. Every shop pushes its outbox; the hub's ETL loads meanwhile (event-driven, woken by each push).
        AtomicLong pushedRows = new AtomicLong();
        AtomicLong expectedTotal = new AtomicLong();
        AtomicInteger retries = new AtomicInteger();
        List<long[]> progress = new ArrayList<>(); // {nanos since push start, loaded sales rows}
        Clock clock = Clock.systemUTC();
        long push0 = System.nanoTime();
        Thread sampler = sampler(pgUrl, before, push0, progress);
        List<Integer> done = parallel(threads, shops, i -> {
            ShopCredentials shop = enrolled.get(i);
            HubApi api = new HubApi(transport, shop, version, clock);
            expectedTotal.addAndGet(LongStream.rangeClosed(1, salesPerShop).map(ScaleBenchmark::totalCents).sum());
            for (PushRequest batch : TillSales.batches(shop.shopId(),
                    TillSales.outbox(shop.shopId(), salesPerShop, ScaleBenchmark::totalCents, clock), batchRows)) {
                PushResponse answer = pushWithRetry(api, batch, retries);
                if (answer.ackedSeq() != batch.lastSeq() || !answer.quarantined().isEmpty()) {
                    throw new IllegalStateException("shop " + shop.shopId() + ": " + answer);
                }
                pushedRows.addAndGet(batch.rows().size());
            }
            return i;
        });
        double pushSeconds = (System.nanoTime() - push0) / 1e9;
        log(String.format(Locale.ROOT, "pushed %,d rows of %d shops in %.1f s (%,.0f rows/s)", pushedRows.get(), done.size(),
                pushSeconds, pushedRows.get() / pushSeconds));

        // 3. Wait until PostgreSQL holds every row.
        long deadline = push0 + TimeUnit.MINUTES.toNanos(o.integer("timeout.minutes", 40));
        Totals after;
        try (Connection pg = DriverManager.getConnection(pgUrl, "postgres", "")) {
            while (true) {
                after = Totals.read(pg).minus(before);
                if (after.rows() >= rows || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(1000);
            }
        }
        double loadedSeconds = (System.nanoTime() - push0) / 1e9;
        sampler.interrupt();
        sampler.join();
        long loadedAtPushEnd = progress.stream().filter(p -> p[0] <= (long) (pushSeconds * 1e9)).mapToLong(p -> p[1])
                .max().orElse(0);
        log(String.format(Locale.ROOT, "PostgreSQL holds %,d sales rows %.1f s after the push started", after.rows(), loadedSeconds));

        // 4. Exactly once: counts and sums of the new rows against what the shops sent.
        boolean exact = after.orders == sales && after.lines == sales && after.payments == sales
                && after.orderCents == expectedTotal.get() && after.lineCents == expectedTotal.get()
                && after.paymentCents == expectedTotal.get();
        long hubPeak = hub.peakRssKb();
        long pgRss = ProcStatus.postgresKb(hub.dataDir().resolve("postgres"), "VmRSS");
        long pgSize;
        String consoleApi;
        try (Connection pg = DriverManager.getConnection(pgUrl, "postgres", "")) {
            pgSize = longValue(pg, "SELECT pg_database_size(current_database())");
            consoleApi = consoleTimings(admin);
        }
        long replicaBytes = treeSize(hub.dataDir().resolve("replicas"));
        long replicaFiles = countFiles(hub.dataDir().resolve("replicas"));
        double wallSeconds = (System.nanoTime() - t0) / 1e9;

        md.append("### Scale: ").append(String.format(Locale.ROOT, "%,d shops and %,d sales through one hub", shops, sales)).append("\n\n");
        md.append("Produced by `com.lightningpos.e2e.bench.ScaleBenchmark` at ").append(began.toString(), 0, 16).append("Z with `")
                .append(o.raw()).append("`. Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, load average at the start ")
                .append(loadStart).append(", at the end ").append(loadAvg()).append(".\n\n");
        md.append("Hub: `java ").append(hub.jvmFlags()).append(" -jar admin-console.jar` with its embedded PostgreSQL (fsync, ")
                .append("synchronous_commit and full_page_writes on), ETL on with its defaults (event-driven, 4 workers, 5,000 rows per ")
                .append("transaction, COPY staging loader). Shops: simulated in the benchmark JVM, each provisioned with ")
                .append("`POST /api/admin/shops`, enrolled with its code, then pushing its outbox with the real client code ")
                .append("(`HubApi`: token, gzip JSON) in batches of ").append(batchRows).append(" rows, ").append(threads)
                .append(" shops at a time. Each sale is 3 outbox rows (order, one line, one cash payment) as a till's triggers write them.\n\n");
        md.append("| figure | value |\n|---|---|\n");
        md.append(String.format(Locale.ROOT, "| shops provisioned and enrolled (%d at a time; enrolment limited to 10/s per address) | %,d in %.0f s |%n",
                threads, shops, enrolSeconds));
        md.append(String.format(Locale.ROOT, "| push: outbox rows into the replicas over HTTP | %,d rows in %.0f s = **%,.0f rows/s** (%,.0f sales/s) |%n",
                pushedRows.get(), pushSeconds, pushedRows.get() / pushSeconds, sales / pushSeconds));
        md.append(String.format(Locale.ROOT, "| pushes retried (rate limit or no answer) | %d |%n", retries.get()));
        md.append(String.format(Locale.ROOT, "| ETL during the push (loaded when the last push answered) | %,d rows = %,.0f rows/s |%n",
                loadedAtPushEnd, loadedAtPushEnd / pushSeconds));
        md.append(String.format(Locale.ROOT, "| time from the first push until PostgreSQL held every row | %.0f s (%.0f s after the last push) |%n",
                loadedSeconds, loadedSeconds - pushSeconds));
        md.append(String.format(Locale.ROOT, "| ETL over the whole run (rows / time until fully loaded) | **%,.0f rows/s** |%n", after.rows() / loadedSeconds));
        md.append(String.format(Locale.ROOT, "| ETL after the push ended (catching up alone) | %s |%n",
                loadedSeconds - pushSeconds > 1 ? String.format(Locale.ROOT, "%,.0f rows/s", (after.rows() - loadedAtPushEnd) / (loadedSeconds - pushSeconds)) : "n/a"));
        md.append(String.format(Locale.ROOT, "| in PostgreSQL (new rows): orders / lines / payments | %,d / %,d / %,d (expected %,d each) |%n",
                after.orders, after.lines, after.payments, sales));
        md.append(String.format(Locale.ROOT, "| sum of totals: orders / lines / payments | %,d / %,d / %,d (sent %,d) |%n",
                after.orderCents, after.lineCents, after.paymentCents, expectedTotal.get()));
        md.append("| exactly once (counts and sums equal) | ").append(exact ? "**yes**" : "**NO**").append(" |\n");
        md.append(String.format(Locale.ROOT, "| wall time of the whole run (hub start to verified) | %.0f s (%.1f min) |%n", wallSeconds, wallSeconds / 60));
        md.append("| hub JVM peak RSS (VmHWM, whole run) | ").append(mb(hubPeak)).append(" |\n");
        md.append("| embedded PostgreSQL RSS at the end (postmaster + children, shared memory counted per process) | ").append(mb(pgRss)).append(" |\n");
        md.append(String.format(Locale.ROOT, "| PostgreSQL database size | %,d MiB |%n", pgSize / 1024 / 1024));
        md.append(String.format(Locale.ROOT, "| replica files (%,d files with WAL) | %,d MiB |%n", replicaFiles, replicaBytes / 1024 / 1024));
        md.append("| console admin API at that size (median of 5; the shops list, the sales report by day and shop over all sales) | ").append(consoleApi).append(" |\n");
        if (!exact) {
            throw new IllegalStateException("PostgreSQL does not hold every sale exactly once: " + after);
        }
    }

    // ---------------------------------------------------------------------------- the shops' rows

    static long totalCents(long receiptNo) {
        return 100 + (receiptNo * 7919) % 5000;
    }

    // ---------------------------------------------------------------------------- helpers

    /** Counts and sums of the hub's sales tables. */
    record Totals(long orders, long lines, long payments, long orderCents, long lineCents, long paymentCents) {

        static Totals read(Connection pg) throws SQLException {
            long[] o = longs(pg, "SELECT count(*), coalesce(sum(total_cents), 0) FROM sales_orders");
            long[] l = longs(pg, "SELECT count(*), coalesce(sum(total_cents), 0) FROM sales_order_items");
            long[] p = longs(pg, "SELECT count(*), coalesce(sum(amount_cents), 0) FROM sales_order_payments");
            return new Totals(o[0], l[0], p[0], o[1], l[1], p[1]);
        }

        Totals minus(Totals t) {
            return new Totals(orders - t.orders, lines - t.lines, payments - t.payments, orderCents - t.orderCents,
                    lineCents - t.lineCents, paymentCents - t.paymentCents);
        }

        long rows() {
            return orders + lines + payments;
        }
    }

    /** Samples the loaded row count every 5 s (counts only, cheap next to the load). */
    private static Thread sampler(String pgUrl, Totals before, long push0, List<long[]> progress) {
        Thread t = new Thread(() -> {
            try (Connection pg = DriverManager.getConnection(pgUrl, "postgres", "")) {
                while (!Thread.currentThread().isInterrupted()) {
                    long loaded = longValue(pg, "SELECT (SELECT count(*) FROM sales_orders) + (SELECT count(*) FROM sales_order_items)"
                            + " + (SELECT count(*) FROM sales_order_payments)") - (before.orders + before.lines + before.payments);
                    synchronized (progress) {
                        progress.add(new long[] {System.nanoTime() - push0, loaded});
                    }
                    log(String.format(Locale.ROOT, "loaded %,d rows", loaded));
                    Thread.sleep(5000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                log("sampler: " + e);
            }
        }, "scale-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String consoleTimings(JsonHttp admin) {
        StringBuilder out = new StringBuilder();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        for (String path : List.of("/api/admin/shops", "/api/admin/sales?from=" + today + "&to=" + today)) {
            double[] ms = new double[5];
            int status = 0;
            for (int i = 0; i < ms.length; i++) {
                long s = System.nanoTime();
                status = admin.get(path).status();
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(ms);
            out.append(out.length() == 0 ? "" : "; ").append('`').append("GET ").append(path).append("` ")
                    .append(status == 200 ? String.format(Locale.ROOT, "%.0f ms", ms[2]) : "status " + status);
        }
        return out.toString();
    }

    private static PushResponse pushWithRetry(HubApi api, PushRequest batch, AtomicInteger retries) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return api.push(batch);
            } catch (HubCallException | TransportException e) {
                boolean again = e instanceof TransportException || "rate_limited".equals(((HubCallException) e).code());
                if (!again || attempt > 20) {
                    throw e;
                }
                retries.incrementAndGet();
                Thread.sleep(500); // the same batch again is harmless: the replica skips what it already has
            }
        }
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code task} for 0..n-1 on {@code threads} threads; results in index order; the first failure stops the run. */
    private static <T> List<T> parallel(int threads, int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>(n);
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] longs(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static long longValue(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long treeSize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".db")).count();
        }
    }

    private static void log(String line) {
        BenchSupport.log("scale", line);
    }
}
