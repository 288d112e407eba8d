package com.lightningpos.e2e.bench;

import com.lightningpos.etl.sync.SyncTransport;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.TransportRequest;
import com.lightningpos.etl.sync.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The sync protocol over real HTTP for simulated tills: what the till's {@code HttpSyncTransport} does
 * (gzip request bodies above 1 KiB, gzip answers accepted), on one shared {@link HttpClient}.
 */
final class BenchTransport implements SyncTransport {

    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private final String base;
    private final HttpClient client;

    BenchTransport(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    @Override
    public TransportResponse exchange(TransportRequest request) throws TransportException {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(Duration.ofSeconds(60)).header("Accept-Encoding", "gzip");
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                http.header(name, value);
            }
        });
        byte[] body = request.body();
        if (body.length > 1024) {
            body = gzip(body);
            http.header("Content-Encoding", "gzip");
        }
        http.method(request.method(), body.length == 0 && request.method().equals("GET")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new HashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            byte[] bytes = "gzip".equalsIgnoreCase(headers.get("content-encoding")) ? gunzip(response.body()) : response.body();
            return new TransportResponse(response.statusCode(), headers, bytes);
        } catch (IOException e) {
            throw new TransportException("No answer from " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted", e);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
