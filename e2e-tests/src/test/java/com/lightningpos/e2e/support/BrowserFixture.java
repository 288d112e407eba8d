package com.lightningpos.e2e.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Tracing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Playwright driving Debian's Chromium ({@code /usr/bin/chromium}, see docs STACK.md): one browser,
 * one context, one page. Screenshots ({@code NN-name.png}), the page's console and a Playwright trace
 * ({@code trace.zip}, open with {@code npx playwright show-trace}) go to {@code artifacts.dir/<testName>}.
 */
public final class BrowserFixture implements AutoCloseable {

    public static final Path CHROMIUM = Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium"));
    public static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--headless", "--disable-gpu",
            "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run");

    private final Path dir;
    private final Playwright playwright;
    private final Browser browser;
    private final BrowserContext context;
    private final Page page;
    private final Path consoleLog;
    private final AtomicInteger shots = new AtomicInteger();

    private BrowserFixture(String testName) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: apt-get install -y chromium");
        }
        dir = E2e.artifacts(testName);
        consoleLog = dir.resolve("browser-console.log");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setArgs(CHROMIUM_ARGS)
                    .setHeadless(true));
            context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 800)
                    .setLocale("en-GB")
                    .setTimezoneId("UTC"));
            context.setDefaultTimeout(10_000);
            context.tracing().start(new Tracing.StartOptions().setScreenshots(true).setSnapshots(true));
            page = context.newPage();
            page.onConsoleMessage(m -> console("console." + m.type() + ": " + m.text()));
            page.onPageError(e -> console("pageerror: " + e));
            page.onRequestFailed(r -> console("requestfailed: " + r.method() + " " + r.url() + " " + r.failure()));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public static BrowserFixture launch(String testName) {
        return new BrowserFixture(testName);
    }

    public Page page() {
        return page;
    }

    public BrowserContext context() {
        return context;
    }

    public Path artifactsDir() {
        return dir;
    }

    /** Full-page screenshot {@code NN-name.png} in this test's artifacts directory. */
    public Path screenshot(String name) {
        Path file = dir.resolve(String.format("%02d-%s.png", shots.incrementAndGet(), name));
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    private void console(String line) {
        try {
            Files.writeString(consoleLog, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            context.tracing().stop(new Tracing.StopOptions().setPath(dir.resolve("trace.zip")));
        } catch (RuntimeException e) {
            console("trace not saved: " + e);
        }
        try {
            context.close();
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
