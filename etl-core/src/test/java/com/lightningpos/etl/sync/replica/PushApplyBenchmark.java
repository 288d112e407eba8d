package com.lightningpos.etl.sync.replica;

import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.testing.TillSales;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Push apply speed inside the hub, without HTTP: sales (order + line + payment = 3 rows each) pushed
 * into fresh replica files through {@link ReplicaStore#applyPush} (validation, one SQLite transaction
 * per batch, synchronous=FULL), first with the bulk path, then with the row-by-row path alone (each row
 * under a savepoint: what every push did before) as the reference. Not a test: run it with
 * {@code ./mvnw -q -pl etl-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.lightningpos.etl.sync.replica.PushApplyBenchmark -Dexec.args="4 5000 500"}
 * (shops, sales per shop, rows per batch).
 */
public final class PushApplyBenchmark {

    public static void main(String[] args) throws Exception {
        int shops = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int sales = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int batchRows = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        double rowByRow = 0;
        double bulk = 0;
        for (int round = 0; round < 2; round++) { // round 0 warms the JIT up
            rowByRow = run(false, shops, sales, batchRows, round == 1);
            bulk = run(true, shops, sales, batchRows, round == 1);
        }
        System.out.printf(Locale.ROOT, "bulk / row by row = %.1f%n", bulk / rowByRow);
        System.exit(0);
    }

    private static double run(boolean bulkFirst, int shops, int sales, int batchRows, boolean print) throws Exception {
        Path dir = Files.createTempDirectory("push-bench");
        Clock clock = Clock.systemUTC();
        List<String> ids = new ArrayList<>();
        List<List<PushRequest>> batches = new ArrayList<>();
        try (ReplicaStore store = new ReplicaStore(dir, clock,
                new BatchValidator(clock, java.time.Duration.ofHours(2), Math.max(batchRows, 1000)), new RowApplier(), true, bulkFirst)) {
            for (int s = 0; s < shops; s++) {
                String shop = UUID.randomUUID().toString();
                ids.add(shop);
                store.dataSource(shop); // create and migrate the file outside the timing
                batches.add(batches(shop, sales, batchRows, clock));
            }
            long rows = 0;
            long t0 = System.nanoTime();
            for (int s = 0; s < shops; s++) {
                for (PushRequest batch : batches.get(s)) {
                    PushResult result = store.applyPush(ids.get(s), batch);
                    if (!(result instanceof PushResult.Accepted accepted) || !accepted.response().quarantined().isEmpty()) {
                        throw new IllegalStateException("not applied: " + result);
                    }
                    rows += accepted.response().applied();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (String shop : ids) {
                long orders = ((Number) store.dsl(shop).fetchValue("SELECT count(*) FROM sales_orders")).longValue();
                if (orders != sales) {
                    throw new IllegalStateException(shop + ": " + orders + " orders, expected " + sales);
                }
            }
            if (print) {
                System.out.printf(Locale.ROOT, "%s: %d shops x %d sales = %d rows in batches of %d in %.2f s: %.0f rows/s%n",
                        bulkFirst ? "bulk (prepared statements, no savepoints)" : "row by row (savepoint per row, reference)",
                        shops, sales, rows, batchRows, seconds, rows / seconds);
            }
            return rows / seconds;
        }
    }

    /** The shop's outbox as a till's capture triggers write it, cut into push batches. */
    static List<PushRequest> batches(String shop, int sales, int batchRows, Clock clock) {
        return TillSales.batches(shop, TillSales.outbox(shop, sales, n -> 100 + n % 900, clock), batchRows);
    }
}
