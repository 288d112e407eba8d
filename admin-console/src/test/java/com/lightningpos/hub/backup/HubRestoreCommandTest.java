package com.lightningpos.hub.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lightningpos.hub.HubApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub's backup and restore as an operator runs them: a hub started like its jar, a backup taken
 * through {@code POST /api/admin/backups}, a shop added afterwards, and the hub started again with
 * {@code --hub.restore-backup=latest}: the shop added after the backup is gone, the older one is there.
 */
class HubRestoreCommandTest {

    @TempDir
    Path dataDir;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void a_hub_started_with_restore_backup_latest_has_the_state_of_the_backup() throws Exception {
        try (ConfigurableApplicationContext hub = start()) {
            call(hub, "POST", "/api/admin/shops", "{\"name\":\"Before the backup\"}", 201);
            JsonNode backup = call(hub, "POST", "/api/admin/backups", "", 201);
            assertThat(backup.get("databaseIncluded").asBoolean()).isTrue();
            assertThat(backup.get("rows").asLong()).isPositive();
            call(hub, "POST", "/api/admin/shops", "{\"name\":\"After the backup\"}", 201);
            assertThat(shopNames(hub)).containsExactlyInAnyOrder("Before the backup", "After the backup");
            assertThat(call(hub, "GET", "/api/admin/backups", null, 200).get("backups")).hasSize(1);
        }

        try (ConfigurableApplicationContext hub = start("--hub.restore-backup=latest")) {
            assertThat(shopNames(hub)).containsExactly("Before the backup");
        }
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--hub.data-dir=" + dataDir,
                "--hub.admin.password=restore-test-pw", "--hub.backup.enabled=false", "--spring.main.banner-mode=off"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(HubApplication.class).run(args.toArray(String[]::new));
    }

    private List<String> shopNames(ConfigurableApplicationContext hub) throws Exception {
        List<String> names = new ArrayList<>();
        call(hub, "GET", "/api/admin/shops", null, 200).forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    private JsonNode call(ConfigurableApplicationContext hub, String method, String path, String body, int expected) throws Exception {
        String base = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:restore-test-pw".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return json.readTree(response.body());
    }
}
