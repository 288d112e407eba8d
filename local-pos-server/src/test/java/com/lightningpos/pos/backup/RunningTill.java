package com.lightningpos.pos.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lightningpos.pos.PosApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A till server started the way its jar starts ({@code SpringApplication} with command-line arguments), driven over HTTP. */
final class RunningTill implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    final ConfigurableApplicationContext context;
    final String base;

    private RunningTill(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    static RunningTill start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--pos.data-dir=" + dataDir,
                "--pos.backup.enabled=false", "--spring.main.banner-mode=off"));
        args.addAll(List.of(extra));
        return new RunningTill(new SpringApplicationBuilder(PosApplication.class).run(args.toArray(String[]::new)));
    }

    String createItem() throws Exception {
        return post("/api/items", Map.of("sku", "B-" + UUID.randomUUID(), "name", "Bread", "priceCents", 250), 201).get("id").asText();
    }

    JsonNode sell(String itemId) throws Exception {
        return post("/api/orders", Map.of("id", UUID.randomUUID().toString(),
                "lines", List.of(Map.of("itemId", itemId, "quantity", 1)),
                "payments", List.of(Map.of("method", "card", "amountCents", 250))), 201);
    }

    long orderCount() throws Exception {
        return get("/api/orders?limit=1").get("total").asLong();
    }

    /** Asks for a sync until one runs to the end ("skipped" while the background run is busy). */
    JsonNode syncUntilOk() throws Exception {
        JsonNode result = null;
        for (int i = 0; i < 50; i++) {
            result = post("/api/sync", Map.of(), 200);
            if ("ok".equals(result.get("outcome").asText())) {
                return result;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no successful sync: " + result);
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    JsonNode post(String path, Object body, int expectedStatus) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expectedStatus) {
            throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
