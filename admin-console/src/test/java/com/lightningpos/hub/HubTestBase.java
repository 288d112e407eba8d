package com.lightningpos.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One hub for all console tests: every test class extends this with the same configuration, so
 * Spring caches and shares ONE context (each context starts its own embedded PostgreSQL). Tests
 * therefore create their own shops and items with unique names instead of expecting an empty hub.
 * The ETL scheduler is off here: these tests play its part by writing runs and job rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(HubFixtures.class)
public abstract class HubTestBase {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA_DIR::toString);
        registry.add("hub.admin.username", () -> ADMIN);
        registry.add("hub.admin.password", () -> ADMIN_PASSWORD);
        // the console's tests write sync runs and job rows themselves; a running ETL would add its own
        registry.add("hub.etl.enabled", () -> "false");
        // likewise the alert rules: tests evaluate them themselves, a background run would race them
        registry.add("hub.alerts.enabled", () -> "false");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("hub-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
