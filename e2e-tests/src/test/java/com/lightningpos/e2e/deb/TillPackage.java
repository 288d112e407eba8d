package com.lightningpos.e2e.deb;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the till's Debian package with the JDK's own {@code jpackage} (called in-process through
 * {@link ToolProvider}, so the build needs no packaging plugin): the runnable jar, a runtime jlink'ed
 * with only the modules the till needs, the launcher {@code bin/lightning-pos-till}, the maintainer
 * scripts and control template from {@code local-pos-server/src/deb/resources} (jpackage's
 * {@code --resource-dir}) and the files of {@code local-pos-server/src/deb/files} (systemd unit,
 * desktop entry, settings template), which travel in {@code lib/app/} because jpackage 17 places
 * files only under its install dir; the postinst script puts them in place.
 *
 * jpackage runs {@code fakeroot dpkg-deb -b}, which compresses with what {@code DPKG_DEB_COMPRESSOR_TYPE}
 * and {@code _LEVEL} in the environment say (the e2e-tests pom sets gzip -1: 5 s instead of 70 s with
 * dpkg's default xz, for a package of about 90 MB instead of 80 MB).
 */
public final class TillPackage {

    public static final String NAME = "lightning-pos-till";
    public static final String INSTALL_DIR = "/opt/lightning-pos";
    /** Where jpackage puts the application: {@code --install-dir} plus the package name. */
    public static final String APP_DIR = INSTALL_DIR + "/" + NAME;
    public static final String LAUNCHER = APP_DIR + "/bin/" + NAME;
    public static final String MAIN_JAR = "local-pos-server.jar";

    /**
     * The runtime's modules. {@code jdeps --ignore-missing-deps --print-module-deps --multi-release 17
     * --recursive --class-path 'BOOT-INF/lib/*' BOOT-INF/classes} over the unpacked fat jar prints all
     * but the last: the till's and its libraries' static needs. {@code jdk.crypto.ec} is loaded only by
     * name (the EC cipher suites of TLS to the hub), so jdeps cannot see it. jlink adds what these
     * require (java.sql, java.naming, java.logging, java.xml, java.management, ...).
     */
    public static final List<String> MODULES = List.of("java.base", "java.compiler", "java.desktop", "java.instrument",
            "java.net.http", "java.prefs", "java.rmi", "java.scripting", "java.security.jgss", "java.sql.rowset", "jdk.jfr",
            "jdk.management", "jdk.unsupported", "jdk.crypto.ec");

    /** Debian's package dependencies beyond the shared libraries jpackage finds itself: useradd for postinst. */
    public static final String EXTRA_DEPENDS = "passwd";

    private TillPackage() {
    }

    /**
     * Maven's version as a Debian version: {@code 0.1.0-SNAPSHOT} becomes {@code 0.1.0~SNAPSHOT}, which
     * Debian orders before the release {@code 0.1.0} (a hyphen would start the Debian revision).
     */
    public static String debianVersion(String mavenVersion) {
        return mavenVersion.replace('-', '~');
    }

    /** The file name jpackage gives the package: {@code <name>_<version>-<release>_amd64.deb}. */
    public static String fileName(String appVersion, int release) {
        return NAME + "_" + appVersion + "-" + release + "_amd64.deb";
    }

    /**
     * Builds {@code dest/<name>_<appVersion>-<release>_amd64.deb} from the runnable jar and the packaging
     * sources ({@code local-pos-server/src/deb}); {@code work} holds jpackage's input while it runs. Returns the package.
     */
    public static Path build(Path jar, Path sources, String appVersion, int release, Path dest, Path work) throws IOException {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.copy(jar, input.resolve(MAIN_JAR), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> files = Files.list(sources.resolve("files"))) {
            for (Path file : files.toList()) {
                Files.copy(file, input.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(dest);
        Path deb = dest.resolve(fileName(appVersion, release));
        Files.deleteIfExists(deb); // jpackage refuses to overwrite

        List<String> args = new ArrayList<>(List.of(
                "--type", "deb",
                "--dest", dest.toString(),
                "--input", input.toString(),
                "--main-jar", MAIN_JAR,
                "--name", NAME,
                "--app-version", appVersion,
                "--linux-app-release", Integer.toString(release),
                "--install-dir", INSTALL_DIR,
                "--resource-dir", sources.resolve("resources").toString(),
                "--add-modules", String.join(",", MODULES),
                "--linux-package-deps", EXTRA_DEPENDS,
                "--linux-app-category", "misc",
                "--linux-deb-maintainer", "support@lightningpos.example",
                "--vendor", "Lightning POS",
                "--description", "Lightning POS till server (cashier UI in the browser)"));
        ToolProvider jpackage = ToolProvider.findFirst("jpackage")
                .orElseThrow(() -> new IllegalStateException("No jpackage in this JDK (" + System.getProperty("java.home")
                        + "); it comes with a full JDK 17, e.g. Debian's openjdk-17-jdk-headless"));
        StringWriter output = new StringWriter();
        try (PrintWriter out = new PrintWriter(output)) {
            int exit = jpackage.run(out, out, args.toArray(String[]::new));
            out.flush();
            if (exit != 0 || !Files.isRegularFile(deb)) {
                throw new IllegalStateException("jpackage " + String.join(" ", args) + " exited with " + exit + ":\n" + output);
            }
        } finally {
            deleteTree(input); // a copy of the 65 MB jar; jpackage removes its own staging directory
        }
        return deb;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
