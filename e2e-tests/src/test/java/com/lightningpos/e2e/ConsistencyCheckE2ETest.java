package com.lightningpos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.Catalog;
import com.lightningpos.e2e.support.E2e;
import com.lightningpos.e2e.support.HubProcess;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.e2e.support.PosProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, "Must show: the consistency check reporting a planted difference", with real processes: a
 * hub and an enrolled till that sold and synced; the till's {@code POST /api/sync/verify} finds the
 * three tiers equal; one sale's total is then changed in PostgreSQL directly, and the command
 * {@code java -jar admin-console.jar --hub.consistency-check} (run beside the running hub) exits 1
 * naming the shop and {@code sales_orders}, as do the admin API and the till's next verify; put back,
 * it exits 0. Logs in target/e2e-artifacts/ConsistencyCheckE2ETest.
 */
class ConsistencyCheckE2ETest {

    private static final String NAME = "ConsistencyCheckE2ETest";

    @Test
    void a_total_changed_in_postgresql_is_reported_by_the_command_the_api_and_the_till() throws Exception {
        int pgPort = E2e.freePort();
        try (HubProcess hub = HubProcess.start(NAME, "--hub.demo-data=true", "--hub.embedded-db-port=" + pgPort)) {
            String[] shop = Tills.provisionShop(hub, "E2E consistency shop");
            String shopId = shop[0];
            try (PosProcess pos = PosProcess.start(NAME, "--pos.hub-url=" + hub.baseUrl(), "--pos.enrolment-code=" + shop[1])) {
                JsonHttp till = pos.http();
                Tills.awaitEnrolled(till, () -> pos.logTail(80));
                List<JsonNode> items = Catalog.pick(till, 2, Catalog.scannableEach());
                List<String> sold = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    sold.add(Tills.sell(till, items.subList(0, 1 + i % 2)));
                }
                Tills.syncUntilOk(till, Duration.ofSeconds(60), () -> pos.logTail(80));
                assertThat(Tills.awaitPgOrders(pgPort, shopId, sold, Duration.ofSeconds(60)))
                        .as("the sales loaded into PostgreSQL").containsExactlyInAnyOrderElementsOf(sold);

                JsonNode verified = Tills.await("the till's verify finds the three tiers equal", Duration.ofSeconds(60),
                        () -> till.post("/api/sync/verify", Map.of()),
                        v -> "consistent".equals(v.path("outcome").asText())
                                && noteOf(v, "sales_orders").isEmpty(), () -> pos.logTail(80));
                assertThat(verified.at("/comparison/shopId").asText()).isEqualTo(shopId);
                assertThat(command(hub, shopId).exitCode).as("command on a consistent shop").isZero();

                // --- plant a difference in PostgreSQL ---
                String planted = sold.get(1);
                try (Connection pg = Tills.postgres(pgPort);
                     PreparedStatement st = pg.prepareStatement("UPDATE sales_orders SET total_cents = total_cents + 1 WHERE id = ?")) {
                    st.setObject(1, UUID.fromString(planted));
                    assertThat(st.executeUpdate()).isEqualTo(1);
                }

                CommandRun differs = command(hub, null);
                assertThat(differs.exitCode).as("command exit code, output:\n%s", differs.output).isEqualTo(1);
                assertThat(differs.output).contains("DIFFERENCES").contains("E2E consistency shop")
                        .contains(shopId.substring(0, 8)).contains("sales_orders").contains("≠ hub");
                String differingLines = differs.output.lines().filter(l -> l.contains(shopId.substring(0, 8))).toList().toString();
                assertThat(differingLines).doesNotContain("sales_order_items");

                JsonNode results = hub.admin().get("/api/admin/consistency?shopId=" + shopId).json();
                assertThat(results.path("differingTables").asInt()).as("%s", results).isEqualTo(1);
                JsonNode atTill = till.post("/api/sync/verify", Map.of()).json();
                assertThat(atTill.path("outcome").asText()).as("%s", atTill).isEqualTo("differs");

                // --- put it back ---
                try (Connection pg = Tills.postgres(pgPort);
                     PreparedStatement st = pg.prepareStatement("UPDATE sales_orders SET total_cents = total_cents - 1 WHERE id = ?")) {
                    st.setObject(1, UUID.fromString(planted));
                    st.executeUpdate();
                }
                CommandRun fixed = command(hub, shopId);
                assertThat(fixed.exitCode).as("after the fix, output:\n%s", fixed.output).isZero();
                assertThat(fixed.output).contains("Consistency check of 1 shop: consistent");
            }
        }
    }

    private static String noteOf(JsonNode verify, String table) {
        for (JsonNode t : verify.path("comparison").path("tables")) {
            if (t.path("table").asText().equals(table)) {
                return t.path("note").isNull() ? "" : t.path("note").asText();
            }
        }
        return "missing";
    }

    private record CommandRun(int exitCode, String output) {
    }

    /** {@code java -jar admin-console.jar --hub.data-dir=<the hub's> --hub.consistency-check[.shop=]}. */
    private static CommandRun command(HubProcess hub, String shopId) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", E2e.hubJar().toString(),
                "--hub.data-dir=" + hub.dataDir(), "--hub.consistency-check", "--spring.main.banner-mode=off"));
        if (shopId != null) {
            cmd.add("--hub.consistency-check.shop=" + shopId);
        }
        Path out = Files.createTempFile(E2e.artifacts(NAME), "consistency-command-", ".txt");
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the consistency command did not finish: " + Files.readString(out));
        }
        return new CommandRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }
}
