package com.lightningpos.pos.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.TransportRequest;
import com.lightningpos.etl.sync.TransportResponse;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.etl.sync.testing.InProcessHub;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restoring a local backup on a till that syncs with a hub. The hub already has changes the backup
 * does not; after the restore the till must neither lose new sales (numbered at or below the hub's
 * high-water mark, the hub would skip them as already stored) nor repeat a receipt number. The outbox
 * rows of the backup that the hub has already are sent again and skipped.
 */
class EnrolledTillRestoreTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path replicaDir;

    final String shopId = UUID.randomUUID().toString();
    ReplicaStore replicas;
    HttpServer server;

    @BeforeEach
    void hub() throws IOException {
        replicas = new ReplicaStore(replicaDir, Clock.systemUTC());
        InProcessHub hub = new InProcessHub(replicas, Clock.systemUTC());
        hub.provisionCode("WXYZ-WXYZ-WXYZ", shopId, "High street", "the-secret");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> bridge(hub, exchange));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        replicas.close();
    }

    @Test
    void after_a_restore_new_sales_reach_the_hub_and_receipt_numbers_do_not_repeat() throws Exception {
        String hubUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        String itemId;
        long highWaterBefore;
        try (RunningTill till = RunningTill.start(dataDir, "--pos.hub-url=" + hubUrl,
                "--pos.enrolment-code=WXYZ-WXYZ-WXYZ", "--pos.sync-interval=1h")) {
            till.syncUntilOk();
            itemId = till.createItem();
            till.sell(itemId);
            till.sell(itemId);
            till.syncUntilOk();
            till.bean(BackupScheduler.class).backupNow();
            for (int i = 0; i < 3; i++) {
                till.sell(itemId);
            }
            till.syncUntilOk();
            highWaterBefore = replicas.highWaterSeq(shopId);
        }
        assertThat(replicaSales()).hasSize(5);

        String newSale;
        try (RunningTill till = RunningTill.start(dataDir, "--pos.sync-interval=1h", "--pos.restore-backup=latest")) {
            assertThat(till.orderCount()).isEqualTo(2);
            var sale = till.sell(itemId);
            newSale = sale.get("id").asText();
            assertThat(sale.get("receiptNo").asLong()).isEqualTo(6);
            till.syncUntilOk();
            assertThat(till.get("/api/sync/status").get("pendingCount").asLong()).isZero();
        }

        assertThat(replicas.highWaterSeq(shopId)).isGreaterThan(highWaterBefore);
        List<Map<String, Object>> sales = replicaSales();
        assertThat(sales).as("every sale once, the one after the restore included").hasSize(6);
        assertThat(sales).extracting(s -> ((Number) s.get("receipt_no")).longValue()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(sales).extracting(s -> s.get("id")).contains(newSale);
    }

    private List<Map<String, Object>> replicaSales() {
        return replicas.dsl(shopId).fetch("SELECT id, receipt_no FROM sales_orders ORDER BY receipt_no").intoMaps();
    }

    /** Plain HTTP in front of the in-process hub (the till gzips request bodies above 1 KiB). */
    private static void bridge(InProcessHub hub, HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(headers.getOrDefault("Content-encoding", ""))) {
                body = new GZIPInputStream(body);
            }
            TransportResponse response = hub.exchange(new TransportRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(), headers, body.readAllBytes()));
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (TransportException e) {
            throw new IOException(e);
        }
    }
}
