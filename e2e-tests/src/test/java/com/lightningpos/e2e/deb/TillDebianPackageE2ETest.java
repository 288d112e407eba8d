package com.lightningpos.e2e.deb;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.e2e.support.E2e;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The till's Debian package (issue 9, "a shop install that a non-technical manager can run"): built
 * here with jpackage from the runnable jar, then checked as dpkg sees it and installed, upgraded,
 * removed and purged in throw-away roots ({@link ThrowAwayRoot}: {@code dpkg --root} with the
 * maintainer scripts run chroot-less and confined to {@code $DPKG_ROOT}).
 *
 * What needs a real machine is not tested here: systemd starting, stopping and restarting the service
 * (no systemd runs in the build; the scripts call systemctl only when {@code /run/systemd/system}
 * exists and no {@code DPKG_ROOT} is set, and otherwise only create the enable symlink, which is
 * checked), and the desktop entry opening a browser. The package built before the tests stays in
 * {@code e2e-tests/target/deb/} for installing on a till (docs/deployment.md).
 */
class TillDebianPackageE2ETest {

    static final String TEST = "TillDebianPackageE2ETest";
    static final String DATA_DIR = "/var/lib/lightning-pos";
    static final String ENV_FILE = "/etc/lightning-pos/till.env";
    static final String UNIT = "/lib/systemd/system/lightning-pos-till.service";
    static final String ENABLED = "/etc/systemd/system/multi-user.target.wants/lightning-pos-till.service";
    static final String DESKTOP = "/usr/share/applications/lightning-pos-till.desktop";
    static final String USER = "lightning-pos";

    static String appVersion;
    static Path sources;
    static Path deb;

    @BeforeAll
    static void buildThePackage() throws IOException {
        appVersion = TillPackage.debianVersion(System.getProperty("deb.maven-version", "0.1.0-SNAPSHOT"));
        sources = Paths.get(System.getProperty("deb.sources", "../local-pos-server/src/deb")).toAbsolutePath().normalize();
        Path dest = Paths.get(System.getProperty("deb.dir", "target/deb")).toAbsolutePath().normalize();
        deb = TillPackage.build(E2e.posJar(), sources, appVersion, 1, dest, E2e.freshDir(TEST, "jpackage-"));
    }

    @Test
    void dpkg_reads_the_packages_name_version_dependencies_and_maintainer_scripts(@TempDir Path control) throws IOException {
        Map<String, String> fields = fields(deb);
        assertThat(fields.get("Package")).isEqualTo("lightning-pos-till");
        assertThat(fields.get("Version")).isEqualTo(appVersion + "-1");
        assertThat(fields.get("Architecture")).isEqualTo("amd64");
        assertThat(fields.get("Maintainer")).contains("support@lightningpos.example");
        // the shared libraries of the bundled runtime (found by jpackage) and useradd for postinst
        assertThat(dependencies(fields.get("Depends"))).contains("libc6", "zlib1g", "passwd");
        assertThat(fields.get("Recommends")).isEqualTo("xdg-utils");
        assertThat(fields.get("Description")).startsWith("Lightning POS till server").contains("http://127.0.0.1:8081/");

        String info = ThrowAwayRoot.run(List.of("dpkg-deb", "-I", deb.toString())).requireSuccess().output();
        assertThat(info).containsPattern("\\*\\s+postinst").containsPattern("\\*\\s+prerm").containsPattern("\\*\\s+postrm");

        ThrowAwayRoot.run(List.of("dpkg-deb", "-e", deb.toString(), control.toString())).requireSuccess();
        for (String script : List.of("postinst", "prerm", "postrm")) {
            String text = Files.readString(control.resolve(script));
            assertThat(text).as(script).startsWith("#!/bin/sh").contains("lightning-pos-till").doesNotContain("APPLICATION_");
            assertThat(Files.isExecutable(control.resolve(script))).as(script + " executable").isTrue();
            ThrowAwayRoot.Run syntax = ThrowAwayRoot.run(List.of("sh", "-n", control.resolve(script).toString()));
            assertThat(syntax.exitCode()).as(script + ": " + syntax.output()).isZero();
        }
    }

    @Test
    void the_package_holds_the_launcher_the_bundled_runtime_the_jar_the_unit_the_desktop_entry_and_the_settings_template() {
        String listing = ThrowAwayRoot.run(List.of("dpkg-deb", "-c", deb.toString())).requireSuccess().output();
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : listing.split("\n")) {
            String[] parts = line.replaceFirst(" -> .*$", "").trim().split("\\s+"); // a symlink lists its target after " -> "
            entries.put(parts[parts.length - 1].replaceFirst("^\\./", "/"), parts[0] + " " + parts[1]);
        }
        String app = TillPackage.APP_DIR;
        assertThat(entries.get(TillPackage.LAUNCHER)).isEqualTo("-rwxr-xr-x root/root");
        for (String file : List.of("/lib/runtime/lib/server/libjvm.so", "/lib/runtime/lib/modules", "/lib/runtime/release",
                "/lib/app/" + TillPackage.MAIN_JAR, "/lib/app/lightning-pos-till.cfg", "/lib/app/lightning-pos-till.service",
                "/lib/app/lightning-pos-till.desktop", "/lib/app/till.env")) {
            assertThat(entries).as(listing).containsKey(app + file);
            assertThat(entries.get(app + file)).as(file).endsWith("root/root");
        }
        // jpackage 17 installs only under its install dir: the rest is put in place by postinst
        assertThat(entries.keySet()).allSatisfy(path -> assertThat(path).matches("/|/opt/|/opt/lightning-pos/.*"));
        // a runtime, not a JDK: no compiler, no jshell, no java command besides the launcher
        assertThat(entries.keySet()).noneMatch(path -> path.contains("/runtime/bin/") || path.contains("jshell"));
    }

    @Test
    void installing_puts_the_till_in_place_as_a_service_of_its_own_user_without_touching_this_machine(@TempDir Path dir)
            throws IOException {
        String hostPasswd = Files.readString(Path.of("/etc/passwd"));
        ThrowAwayRoot root = ThrowAwayRoot.create(dir);

        String output = root.dpkg("-i", deb.toString()).requireSuccess().output();

        assertThat(output).contains("Setting up lightning-pos-till (" + appVersion + "-1)");
        assertThat(root.packageStatus("lightning-pos-till")).isEqualTo("install ok installed " + appVersion + "-1");

        String[] user = passwdEntry(root, USER);
        assertThat(user).as("lightning-pos in the root's /etc/passwd").isNotNull();
        assertThat(user[5]).isEqualTo(DATA_DIR);
        assertThat(user[6]).isEqualTo("/usr/sbin/nologin");
        assertThat(Integer.parseInt(user[2])).as("a system uid").isLessThan(1000);
        assertThat(Files.readString(root.path("/etc/group"))).containsPattern("(?m)^lightning-pos:x:" + user[3] + ":");

        Path data = root.path(DATA_DIR);
        assertThat(data).isDirectory();
        if (ThrowAwayRoot.isRoot()) {
            assertThat(Files.getAttribute(data, "unix:uid")).isEqualTo(Integer.parseInt(user[2]));
            assertThat(Files.getAttribute(root.path(ENV_FILE), "unix:gid")).isEqualTo(Integer.parseInt(user[3]));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");

        Path env = root.path(ENV_FILE);
        assertThat(env).hasSameTextualContentAs(sources.resolve("files/till.env"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-r-----");

        Map<String, String> service = keyValues(root.path(UNIT), "Service");
        assertThat(service.get("User")).isEqualTo(USER);
        assertThat(service.get("StateDirectory")).isEqualTo("lightning-pos");
        assertThat(service.get("Restart")).isEqualTo("on-failure");
        assertThat(service.get("EnvironmentFile")).isEqualTo("-" + ENV_FILE);
        List<String> execStart = Arrays.asList(service.get("ExecStart").split(" "));
        assertThat(execStart).containsExactly(TillPackage.LAUNCHER, "--server.address=127.0.0.1", "--pos.data-dir=" + DATA_DIR);
        assertThat(Files.isExecutable(root.path(execStart.get(0)))).as("the unit's command is installed").isTrue();
        if (onPath("systemctl")) {
            assertThat(Files.readSymbolicLink(root.path(ENABLED))).as("enabled for the next boot").isEqualTo(Path.of(UNIT));
        }

        Map<String, String> desktop = keyValues(root.path(DESKTOP), "Desktop Entry");
        assertThat(desktop.get("Name")).isEqualTo("Lightning POS till");
        assertThat(desktop.get("Exec")).isEqualTo("xdg-open http://127.0.0.1:8081/");
        assertThat(desktop.get("Type")).isEqualTo("Application");
        assertThat(root.path(desktop.get("Icon"))).isRegularFile();

        String release = Files.readString(root.path(TillPackage.APP_DIR + "/lib/runtime/release"));
        assertThat(release).contains("JAVA_VERSION=\"17.");
        assertThat(release).contains(" jdk.crypto.ec", " java.sql ", " jdk.unsupported").doesNotContain("jdk.compiler", "jdk.jshell");

        assertThat(Files.readString(Path.of("/etc/passwd"))).as("this machine's users").isEqualTo(hostPasswd);
    }

    @Test
    void the_installed_launcher_runs_the_till_on_its_bundled_runtime(@TempDir Path dir) throws IOException {
        ThrowAwayRoot root = ThrowAwayRoot.create(dir);
        root.dpkg("-i", deb.toString()).requireSuccess();

        try (InstalledTillProcess till = new InstalledTillProcess(TEST, root.path(TillPackage.LAUNCHER), root.path(DATA_DIR))) {
            Duration startup = till.start(); // waits for /actuator/health to answer UP

            assertThat(root.path(DATA_DIR + "/shop.db")).as("the shop's database in the data dir").isRegularFile();
            assertThat(startup).isLessThan(InstalledTillProcess.STARTUP_TIMEOUT);
            // the launcher is the process and the JVM in it is the package's own, not this machine's
            assertThat(ProcessHandle.of(till.pid()).orElseThrow().info().command()).hasValue(root.path(TillPackage.LAUNCHER).toString());
            assertThat(Files.readString(Path.of("/proc/" + till.pid() + "/maps")))
                    .contains(root.path(TillPackage.APP_DIR + "/lib/runtime/lib/server/libjvm.so").toString());
        }
    }

    @Test
    void an_upgrade_keeps_the_shops_data_and_the_managers_settings(@TempDir Path dir) throws IOException {
        Path upgrade = TillPackage.build(E2e.posJar(), sources, appVersion, 2, dir.resolve("upgrade"), dir.resolve("work"));
        ThrowAwayRoot root = ThrowAwayRoot.create(dir.resolve("root"));
        root.dpkg("-i", deb.toString()).requireSuccess();
        Path env = root.path(ENV_FILE);
        String edited = Files.readString(env).replace("#POS_HUB_URL=https://hub.example.com", "POS_HUB_URL=https://hub.shop-42.example")
                + "POS_MANAGER_PIN=2468\n";
        Files.writeString(env, edited);
        Path shopDb = root.path(DATA_DIR + "/shop.db");
        Files.write(shopDb, "the shop's sales".getBytes());

        String output = root.dpkg("-i", upgrade.toString()).requireSuccess().output();

        assertThat(output).contains("Unpacking lightning-pos-till (" + appVersion + "-2) over (" + appVersion + "-1)");
        assertThat(root.packageStatus("lightning-pos-till")).isEqualTo("install ok installed " + appVersion + "-2");
        assertThat(Files.readString(env)).isEqualTo(edited);
        assertThat(Files.readString(shopDb)).isEqualTo("the shop's sales");
        assertThat(Files.isExecutable(root.path(TillPackage.LAUNCHER))).isTrue();
        assertThat(root.path(UNIT)).hasSameTextualContentAs(sources.resolve("files/lightning-pos-till.service"));
        assertThat(Files.readString(root.path("/etc/passwd")).lines().filter(l -> l.startsWith(USER + ":"))).hasSize(1);
    }

    @Test
    void remove_keeps_the_shops_data_and_settings_and_only_purge_erases_them(@TempDir Path dir) throws IOException {
        ThrowAwayRoot root = ThrowAwayRoot.create(dir);
        root.dpkg("-i", deb.toString()).requireSuccess();
        Files.writeString(root.path(ENV_FILE), "POS_HUB_URL=https://hub.shop-42.example\n");
        Files.createDirectories(root.path(DATA_DIR + "/backups"));
        Files.writeString(root.path(DATA_DIR + "/shop.db"), "the shop's sales");

        root.dpkg("-r", "lightning-pos-till").requireSuccess();

        assertThat(root.packageStatus("lightning-pos-till")).isEqualTo("deinstall ok config-files " + appVersion + "-1");
        assertThat(root.path(TillPackage.APP_DIR)).doesNotExist();
        assertThat(root.path(UNIT)).doesNotExist();
        assertThat(root.path(DESKTOP)).doesNotExist();
        assertThat(Files.exists(root.path(ENABLED), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(root.path(DATA_DIR + "/shop.db")).hasContent("the shop's sales");
        assertThat(root.path(DATA_DIR + "/backups")).isDirectory();
        assertThat(root.path(ENV_FILE)).hasContent("POS_HUB_URL=https://hub.shop-42.example");
        assertThat(passwdEntry(root, USER)).isNotNull();

        String purge = root.dpkg("-P", "lightning-pos-till").requireSuccess().output();

        assertThat(purge).contains("purge deletes the till's data in " + DATA_DIR);
        assertThat(root.packageStatus("lightning-pos-till")).isEqualTo("not installed");
        assertThat(root.path(DATA_DIR)).doesNotExist();
        assertThat(root.path(ENV_FILE)).doesNotExist();
        assertThat(root.path("/etc/lightning-pos")).doesNotExist();
        // Debian keeps system users on purge: files it owns elsewhere never pass to a later user
        assertThat(passwdEntry(root, USER)).isNotNull();
    }

    private static Map<String, String> fields(Path deb) {
        Map<String, String> fields = new LinkedHashMap<>();
        String control = ThrowAwayRoot.run(List.of("dpkg-deb", "-f", deb.toString())).requireSuccess().output();
        String last = null;
        for (String line : control.split("\n")) {
            if (line.startsWith(" ") && last != null) {
                fields.merge(last, "\n" + line.strip(), String::concat);
            } else if (line.contains(":")) {
                last = line.substring(0, line.indexOf(':'));
                fields.put(last, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return fields;
    }

    private static List<String> dependencies(String depends) {
        return Arrays.stream(depends.split(",")).map(String::strip).toList();
    }

    /** The {@code key=value} lines of one {@code [section]} of a systemd unit or desktop entry. */
    private static Map<String, String> keyValues(Path file, String section) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        String current = null;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                current = line.substring(1, line.length() - 1);
            } else if (section.equals(current) && !line.startsWith("#") && line.contains("=")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return values;
    }

    private static String[] passwdEntry(ThrowAwayRoot root, String name) throws IOException {
        return Files.readAllLines(root.path("/etc/passwd")).stream().filter(l -> l.startsWith(name + ":"))
                .map(l -> l.split(":", -1)).findFirst().orElse(null);
    }

    private static boolean onPath(String command) {
        return ThrowAwayRoot.run(List.of("sh", "-c", "command -v " + command)).exitCode() == 0;
    }
}
