package com.lightningpos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.e2e.support.E2e;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, as a newcomer runs it: the script starts the hub and an enrolled demo
 * till and prints URLs, and those URLs answer. (The jars are the ones this build just made.)
 */
class RunDemoScriptE2ETest {

    @Test
    void run_demo_starts_both_apps_and_prints_urls_that_answer() throws Exception {
        Path repo = E2e.posJar().toAbsolutePath().getParent().getParent().getParent();
        Path data = Files.createTempDirectory("run-demo-");
        int hubPort = E2e.freePort();
        int posPort = E2e.freePort();
        ProcessBuilder builder = new ProcessBuilder("bash", repo.resolve("run-demo.sh").toString())
                .directory(repo.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SKIP_BUILD", "1");
        builder.environment().put("DATA_DIR", data.toString());
        builder.environment().put("HUB_PORT", String.valueOf(hubPort));
        builder.environment().put("POS_PORT", String.valueOf(posPort));
        Process script = builder.start();
        List<String> urls = new ArrayList<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            Pattern url = Pattern.compile("(http://[^\\s]+/)");
            String line;
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                output.add(line);
                Matcher m = url.matcher(line);
                if (m.find() && !line.contains("docs")) {
                    urls.add(m.group(1));
                }
                if (line.contains("Press Ctrl-C")) {
                    break;
                }
            }
            assertThat(urls).as("script output: %s", output).hasSize(2);
            assertThat(output).anySatisfy(l -> assertThat(l).contains("password:"));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String u : urls) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(u)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(u).isIn(200, 302);
            }
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + posPort + "/api/sync/status")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(status.body()).as("the demo till is enrolled with the hub").contains("\"standalone\":false");
        } finally {
            // The script's trap stops both apps when it is terminated; the rest is a safety net.
            List<ProcessHandle> apps = script.descendants().toList();
            script.destroy();
            if (!script.waitFor(30, TimeUnit.SECONDS)) {
                script.destroyForcibly();
            }
            apps.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
