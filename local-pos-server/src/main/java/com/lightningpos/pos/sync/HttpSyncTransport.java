package com.lightningpos.pos.sync;

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
 * The sync protocol over HTTP(S) with {@link HttpClient}: request bodies above 1 KiB are sent
 * gzip-compressed, compressed answers are accepted and decoded. Any failure to get an answer
 * (refused, reset, timeout, TLS) is a {@link TransportException}: the caller retries later.
 */
public final class HttpSyncTransport implements SyncTransport {

    private static final int GZIP_ABOVE = 1024;
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private final URI base;
    private final HttpClient client;
    private final Duration timeout;

    public HttpSyncTransport(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect could carry the secret elsewhere
                .build();
    }

    public HttpSyncTransport(URI base) {
        this(base, Duration.ofSeconds(60));
    }

    @Override
    public TransportResponse exchange(TransportRequest request) throws TransportException {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(request.path().endsWith("/snapshot") ? timeout.multipliedBy(10) : timeout)
                .header("Accept-Encoding", "gzip");
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                http.header(name, value);
            }
        });
        byte[] body = request.body();
        if (body.length > GZIP_ABOVE) {
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
            throw new TransportException("No answer from the hub at " + base + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while waiting for the hub", e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
