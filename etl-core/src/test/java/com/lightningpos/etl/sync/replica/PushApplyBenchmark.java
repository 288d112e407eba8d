package com.lightningpos.etl.sync.replica;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.sync.PushRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        List<ChangeRow> rows = new ArrayList<>();
        long seq = 0;
        for (int i = 1; i <= sales; i++) {
            String hlc = new Hlc(clock.millis(), 0, shop).encode();
            for (Map.Entry<String, Map<String, Object>> row : sale(shop, i, 100 + i % 900).entrySet()) {
                String table = row.getKey().substring(0, row.getKey().indexOf('#'));
                rows.add(new ChangeRow(++seq, table, (String) row.getValue().get("id"), ChangeOp.INSERT, row.getValue(), hlc, shop));
            }
        }
        List<PushRequest> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += batchRows) {
            List<ChangeRow> part = rows.subList(from, Math.min(rows.size(), from + batchRows));
            batches.add(new PushRequest(shop, part.get(0).seq(), part.get(part.size() - 1).seq(), part));
        }
        return batches;
    }

    /** A completed sale with one line and one cash payment, keyed {@code table#n} in insert order. */
    static Map<String, Map<String, Object>> sale(String shop, long receiptNo, long totalCents) {
        String order = UUID.randomUUID().toString();
        String now = "2026-11-25T10:00:00Z";
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", order);
        o.put("shop_id", shop);
        o.put("receipt_no", receiptNo);
        o.put("kind", "sale");
        o.put("status", "completed");
        o.put("cashier", "anna");
        o.put("subtotal_cents", totalCents);
        o.put("discount_cents", 0);
        o.put("tax_cents", 0);
        o.put("total_cents", totalCents);
        o.put("rounding_cents", 0);
        o.put("paid_cents", totalCents);
        o.put("change_cents", 0);
        o.put("created_at", now);
        rows.put("sales_orders#1", o);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", UUID.randomUUID().toString());
        line.put("shop_id", shop);
        line.put("order_id", order);
        line.put("line_no", 1);
        line.put("item_id", UUID.randomUUID().toString());
        line.put("sku", "SKU-1");
        line.put("name", "Coffee");
        line.put("unit_price_cents", totalCents);
        line.put("quantity_milli", 1000);
        line.put("tax_rate_bp", 0);
        line.put("tax_inclusive", 1);
        line.put("price_overridden", 0);
        line.put("discount_cents", 0);
        line.put("subtotal_cents", totalCents);
        line.put("tax_cents", 0);
        line.put("total_cents", totalCents);
        rows.put("sales_order_items#2", line);
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("id", UUID.randomUUID().toString());
        payment.put("shop_id", shop);
        payment.put("order_id", order);
        payment.put("method", "cash");
        payment.put("amount_cents", totalCents);
        payment.put("tendered_cents", totalCents);
        payment.put("change_cents", 0);
        payment.put("created_at", now);
        rows.put("sales_order_payments#3", payment);
        return rows;
    }
}
