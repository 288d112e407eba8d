package com.lightningpos.hub.deploy;

import com.lightningpos.db.testing.DeployFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.hub.alerts.AlertProperties;
import com.lightningpos.hub.backup.HubBackupProperties;
import com.lightningpos.hub.config.HubProperties;
import com.lightningpos.hub.shops.ShopHealthProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * {@code deploy/env/hub.env} names only real hub settings, and they bind (the units and the nginx
 * example are checked by the till module's {@code DeployFilesTest}).
 */
class HubDeployFilesTest {

    static final Path REPO = DeployFiles.repo();

    @Test
    void every_variable_of_hub_env_is_a_real_setting_and_binds() throws Exception {
        Map<String, String> all = DeployFiles.env(REPO.resolve("deploy/env/hub.env"), true);
        Set<String> known = DeployFiles.moduleProperties("com.lightningpos.hub", REPO.resolve("admin-console/src/main/java"));
        known.addAll(DeployFiles.springBootProperties());

        assertThat(all.keySet()).allSatisfy(name -> assertThat(name.equals("JAVA_OPTS") || DeployFiles.known(name, known))
                .as(name + " is no setting of the hub").isTrue());
        assertThat(all).containsKeys("HUB_DATA_DIR", "SPRING_DATASOURCE_URL", "HUB_JWT_SECRET", "HUB_BACKUP_KEEP");
        assertThat(all.values()).as("systemd keeps a trailing comment in the value").noneMatch(v -> v.contains(" #"));

        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("hub.env", Map.copyOf(all)));
        Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
        HubProperties hub = binder.bindOrCreate("hub", HubProperties.class);
        assertThat(hub.dataDir()).isEqualTo(Path.of("/var/lib/lightning-hub"));
        assertThat(hub.admin().username()).isEqualTo("admin");
        assertThat(hub.embeddedDbPort()).isEqualTo(54329);
        HubBackupProperties backup = binder.bindOrCreate("hub.backup", HubBackupProperties.class);
        assertThat(backup.keep()).isEqualTo(7);
        assertThat(backup.interval()).isEqualTo(Duration.ofHours(24));
        assertThat(binder.bindOrCreate("hub.health", ShopHealthProperties.class).silentAfter()).isEqualTo(Duration.ofMinutes(15));
        AlertProperties alerts = binder.bindOrCreate("hub.alerts", AlertProperties.class);
        assertThat(alerts.unsyncedAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(alerts.databaseMaxBytes()).isEqualTo(org.springframework.util.unit.DataSize.ofGigabytes(50));
        assertThat(alerts.webhookUrl()).hasToString("https://chat.example.com/hooks/lightning-alerts");
        assertThat(alerts.consoleUrl()).isEqualTo("https://hub.example.com");
        assertThat(binder.bind("spring.datasource.url", String.class).get()).startsWith("jdbc:postgresql://");
        assertThat(binder.bind("server.forward-headers-strategy", String.class).get()).isEqualTo("native");
    }
}
