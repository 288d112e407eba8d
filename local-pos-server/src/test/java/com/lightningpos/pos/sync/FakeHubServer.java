package com.lightningpos.pos.sync;

import com.lightningpos.etl.sync.SyncTransport;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.TransportRequest;
import com.lightningpos.etl.sync.TransportResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Real HTTP on a loopback port in front of an in-process hub, with gzip both ways like the real
 * hub, so the till's HTTP transport is tested for real.
 */
final class FakeHubServer implements AutoCloseable {

    private final HttpServer server;
    private final SyncTransport hub;
    volatile long delayMillis;
    final AtomicInteger gzipRequests = new AtomicInteger();

    FakeHubServer(SyncTransport hub) throws IOException {
        this.hub = hub;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Thread.sleep(delayMillis);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(headers.getOrDefault("Content-encoding", ""))) {
                gzipRequests.incrementAndGet();
                body = new GZIPInputStream(body);
            }
            TransportResponse response = hub.exchange(new TransportRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(), headers, body.readAllBytes()));
            byte[] out = response.body();
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (out.length > 1024 && headers.getOrDefault("Accept-encoding", "").contains("gzip")) {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                    gz.write(out);
                }
                out = zipped.toByteArray();
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (TransportException | InterruptedException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
