package com.lightningpos.pos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.db.testing.DeployFiles;
import com.lightningpos.pos.backup.BackupProperties;
import com.lightningpos.pos.config.PosProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The files the till's Debian package installs ({@code src/deb/files}; the package itself is built and
 * installed by e2e-tests' {@code TillDebianPackageE2ETest}): the unit parses and passes
 * {@code systemd-analyze verify} where installed (except that the launcher is not installed on the
 * build machine), and every variable of the settings template binds to a real till setting.
 */
class DebianPackageFilesTest {

    static final Path FILES = DeployFiles.repo().resolve("local-pos-server/src/deb/files");

    @Test
    void the_unit_runs_the_packaged_launcher_on_loopback_as_its_own_user_with_the_data_in_var_lib() throws Exception {
        var unit = DeployFiles.unit(FILES.resolve("lightning-pos-till.service"));

        Map<String, List<String>> service = unit.get("Service");
        assertThat(service.get("User")).containsExactly("lightning-pos");
        assertThat(service.get("ExecStart")).containsExactly("/opt/lightning-pos/lightning-pos-till/bin/lightning-pos-till"
                + " --server.address=127.0.0.1 --pos.data-dir=/var/lib/lightning-pos");
        assertThat(service.get("StateDirectory")).containsExactly("lightning-pos");
        assertThat(service.get("WorkingDirectory")).containsExactly("/var/lib/lightning-pos");
        assertThat(service.get("EnvironmentFile")).containsExactly("-/etc/lightning-pos/till.env");
        assertThat(service.get("Restart")).containsExactly("on-failure");
        assertThat(unit.get("Install").get("WantedBy")).containsExactly("multi-user.target");

        DeployFiles.Run verify = DeployFiles.runIfPresent(List.of("systemd-analyze", "verify",
                FILES.resolve("lightning-pos-till.service").toString()));
        if (verify != null) {
            // the one complaint expected here: the launcher is not installed on the build machine
            assertThat(verify.output()).doesNotContain("Unknown", "bad unit file", "Invalid", "Failed to parse", "Ignoring");
        }
    }

    @Test
    void every_variable_of_the_settings_template_is_a_real_setting_and_binds() throws Exception {
        Map<String, String> all = DeployFiles.env(FILES.resolve("till.env"), true);
        Set<String> known = DeployFiles.moduleProperties("com.lightningpos.pos", DeployFiles.repo().resolve("local-pos-server/src/main/java"));
        known.addAll(DeployFiles.springBootProperties());

        // JAVA_TOOL_OPTIONS is read by the JVM itself (the package's launcher ignores JAVA_OPTS)
        assertThat(all.keySet()).contains("POS_HUB_URL", "POS_ENROLMENT_CODE", "JAVA_TOOL_OPTIONS")
                .allSatisfy(name -> assertThat(name.equals("JAVA_TOOL_OPTIONS") || DeployFiles.known(name, known))
                        .as(name + " is no setting of the till").isTrue());
        assertThat(all.values()).as("systemd keeps a trailing comment in the value").noneMatch(v -> v.contains(" #"));
        assertThat(DeployFiles.env(FILES.resolve("till.env"), false)).as("the address and data dir are the unit's")
                .doesNotContainKeys("POS_DATA_DIR", "SERVER_ADDRESS", "SERVER_PORT");

        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("till.env", Map.copyOf(all)));
        Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
        PosProperties pos = binder.bindOrCreate("pos", PosProperties.class);
        assertThat(pos.hubUrl()).isEqualTo(all.get("POS_HUB_URL"));
        assertThat(pos.enrolmentCode()).isEqualTo(all.get("POS_ENROLMENT_CODE"));
        assertThat(pos.syncInterval()).isEqualTo(Duration.ofMinutes(5));
        BackupProperties backup = binder.bindOrCreate("pos.backup", BackupProperties.class);
        assertThat(backup.interval()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void the_desktop_entry_opens_the_till_in_the_browser() throws Exception {
        var entry = DeployFiles.unit(FILES.resolve("lightning-pos-till.desktop")).get("Desktop Entry");

        assertThat(entry.get("Name")).containsExactly("Lightning POS till");
        assertThat(entry.get("Exec")).containsExactly("xdg-open http://127.0.0.1:8081/");
        assertThat(entry.get("Type")).containsExactly("Application");
        assertThat(entry.get("Icon")).containsExactly("/opt/lightning-pos/lightning-pos-till/lib/lightning-pos-till.png");
    }
}
