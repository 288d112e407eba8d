package com.lightningpos.pos.deploy;

import com.lightningpos.db.testing.DeployFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.pos.backup.BackupProperties;
import com.lightningpos.pos.config.PosProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The examples in {@code deploy/} are consistent with the code: the systemd units parse as sections of
 * key=value lines (and pass {@code systemd-analyze verify} where it is installed), start the jars the
 * build makes, read environment files that exist and whose every variable binds to a real setting,
 * and the nginx example passes {@code nginx -t} where nginx is installed.
 */
class DeployFilesTest {

    static final Path REPO = DeployFiles.repo();
    static final Path DEPLOY = REPO.resolve("deploy");

    @Test
    void the_till_unit_runs_the_till_jar_on_loopback_as_its_own_user_with_its_state_directory() throws Exception {
        var unit = DeployFiles.unit(DEPLOY.resolve("systemd/lightning-till.service"));

        assertThat(unit).containsKeys("Unit", "Service", "Install");
        Map<String, List<String>> service = unit.get("Service");
        assertThat(service.get("User")).singleElement().isEqualTo("lightning-till");
        String jar = "/opt/lightning/" + DeployFiles.finalName(REPO.resolve("local-pos-server/pom.xml")) + ".jar";
        assertThat(service.get("ExecStart")).singleElement().asString()
                .startsWith("/usr/bin/java $JAVA_OPTS -jar " + jar).contains("--server.address=127.0.0.1");
        assertThat(service.get("StateDirectory")).containsExactly("lightning-till");
        assertThat(service.get("WorkingDirectory")).containsExactly("/var/lib/lightning-till");
        assertThat(service.get("EnvironmentFile")).containsExactly("/etc/lightning/till.env");
        assertThat(unit.get("Install").get("WantedBy")).containsExactly("multi-user.target");

        Map<String, String> env = DeployFiles.env(DEPLOY.resolve("env/till.env"), false);
        assertThat(env.get("POS_DATA_DIR")).isEqualTo("/var/lib/lightning-till");
    }

    @Test
    void the_hub_unit_runs_the_hub_jar_with_its_environment_file_and_state_directory() throws Exception {
        var unit = DeployFiles.unit(DEPLOY.resolve("systemd/lightning-hub.service"));

        assertThat(unit).containsKeys("Unit", "Service", "Install");
        Map<String, List<String>> service = unit.get("Service");
        assertThat(service.get("User")).singleElement().isEqualTo("lightning-hub");
        String jar = "/opt/lightning/" + DeployFiles.finalName(REPO.resolve("admin-console/pom.xml")) + ".jar";
        assertThat(service.get("ExecStart")).containsExactly("/usr/bin/java $JAVA_OPTS -jar " + jar);
        assertThat(service.get("EnvironmentFile")).containsExactly("/etc/lightning/hub.env");
        assertThat(service.get("StateDirectory")).containsExactly("lightning-hub");
        assertThat(DeployFiles.env(DEPLOY.resolve("env/hub.env"), false).get("HUB_DATA_DIR")).isEqualTo("/var/lib/lightning-hub");
    }

    @Test
    void every_variable_of_till_env_is_a_real_setting_and_binds() throws Exception {
        Map<String, String> all = DeployFiles.env(DEPLOY.resolve("env/till.env"), true);
        Set<String> known = DeployFiles.moduleProperties("com.lightningpos.pos", REPO.resolve("local-pos-server/src/main/java"));
        known.addAll(DeployFiles.springBootProperties());

        assertThat(all.keySet()).allSatisfy(name -> assertThat(name.equals("JAVA_OPTS") || DeployFiles.known(name, known))
                .as(name + " is no setting of the till").isTrue());
        assertThat(all.values()).as("systemd keeps a trailing comment in the value").noneMatch(v -> v.contains(" #"));

        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("till.env", Map.copyOf(all)));
        Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
        PosProperties pos = binder.bindOrCreate("pos", PosProperties.class);
        assertThat(pos.dataDir()).isEqualTo(Path.of(all.get("POS_DATA_DIR")));
        assertThat(pos.hubUrl()).isEqualTo(all.get("POS_HUB_URL"));
        assertThat(pos.enrolmentCode()).isEqualTo(all.get("POS_ENROLMENT_CODE"));
        assertThat(pos.syncInterval()).isEqualTo(Duration.ofMinutes(5));
        BackupProperties backup = binder.bindOrCreate("pos.backup", BackupProperties.class);
        assertThat(backup.keep()).isEqualTo(Integer.parseInt(all.get("POS_BACKUP_KEEP")));
        assertThat(backup.interval()).isEqualTo(Duration.ofHours(6));
        assertThat(binder.bind("server.port", Integer.class).get()).isEqualTo(8081);
    }

    @Test
    void systemd_accepts_the_units_where_systemd_is_installed() throws Exception {
        for (String unit : List.of("lightning-till.service", "lightning-hub.service")) {
            DeployFiles.Run run = DeployFiles.runIfPresent(List.of("systemd-analyze", "verify", DEPLOY.resolve("systemd/" + unit).toString()));
            if (run == null) {
                return; // not a systemd machine: the parse above is the check
            }
            assertThat(run.output()).as(unit).doesNotContain("Unknown", "bad unit file", "Invalid", "Failed to parse");
            if (Files.isExecutable(Path.of("/usr/bin/java"))) {
                assertThat(run.exitCode()).as(unit + ": " + run.output()).isZero();
            }
        }
    }

    @Test
    void nginx_accepts_the_proxy_example_where_nginx_is_installed(@TempDir Path dir) throws Exception {
        DeployFiles.Run version = DeployFiles.runIfPresent(List.of("nginx", "-v"));
        DeployFiles.Run key = version == null ? null : DeployFiles.runIfPresent(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048",
                "-nodes", "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(), "-days", "1",
                "-subj", "/CN=hub.example.com"));
        if (version == null || key == null || key.exitCode() != 0) {
            return; // nginx or openssl not installed
        }
        String site = Files.readString(DEPLOY.resolve("nginx/lightning-hub.conf"))
                .replace("/etc/letsencrypt/live/hub.example.com/fullchain.pem", dir.resolve("cert.pem").toString())
                .replace("/etc/letsencrypt/live/hub.example.com/privkey.pem", dir.resolve("key.pem").toString());
        Files.writeString(dir.resolve("site.conf"), site);
        Files.writeString(dir.resolve("nginx.conf"), "pid " + dir.resolve("nginx.pid") + ";\nerror_log " + dir.resolve("error.log")
                + ";\nevents {}\nhttp {\n    access_log off;\n    include " + dir.resolve("site.conf") + ";\n}\n");

        DeployFiles.Run test = DeployFiles.runIfPresent(List.of("nginx", "-t", "-c", dir.resolve("nginx.conf").toString()));

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("syntax is ok");
    }
}
