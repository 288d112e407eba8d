package com.lightningpos.e2e.deb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A directory that dpkg treats as a machine's root ({@code dpkg --root=<dir>}): its own package
 * database in {@code var/lib/dpkg} and the few files of {@code /etc} the maintainer scripts edit
 * (passwd, group, shadow, gshadow with just root in them, as on any Debian system).
 *
 * dpkg runs the maintainer scripts chroot'ed into the root unless told otherwise; a chroot would need
 * a whole Debian in the directory, so {@code --force-script-chrootless} runs them on this machine with
 * {@code DPKG_ROOT} set, and the package's scripts prefix every path with it (the test checks that this
 * machine's {@code /etc/passwd} stays untouched). {@code --force-depends}: the root has no packages,
 * so the package's dependencies (libc6, passwd, ...) are unmet there although this machine has them.
 * Run as root (as on CI); as another user dpkg runs under {@code fakeroot}.
 */
public final class ThrowAwayRoot {

    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Path root;

    private ThrowAwayRoot(Path root) {
        this.root = root;
    }

    public static ThrowAwayRoot create(Path dir) throws IOException {
        Path dpkg = Files.createDirectories(dir.resolve("var/lib/dpkg"));
        Files.createDirectories(dpkg.resolve("info"));
        Files.createDirectories(dpkg.resolve("updates"));
        Files.createDirectories(dpkg.resolve("triggers"));
        Files.writeString(dpkg.resolve("status"), "");
        Files.writeString(dpkg.resolve("available"), "");
        Files.createDirectories(dir.resolve("var/log"));
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\n");
        Files.writeString(etc.resolve("shadow"), "root:*:19000:0:99999:7:::\n");
        Files.writeString(etc.resolve("gshadow"), "root:*::\n");
        return new ThrowAwayRoot(dir);
    }

    public Path dir() {
        return root;
    }

    /** An absolute path of the installed system, inside this root. */
    public Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    /** {@code dpkg --root=<this> <args>}: e.g. {@code -i <deb>}, {@code -r <name>}, {@code -P <name>}. */
    public Run dpkg(String... args) {
        List<String> command = new ArrayList<>();
        if (!isRoot()) {
            // dpkg and the scripts' chown/install -o need root; fakeroot pretends (files stay the caller's)
            command.add("fakeroot");
        }
        command.addAll(List.of("dpkg", "--root=" + root, "--log=" + root.resolve("var/log/dpkg.log"),
                "--force-script-chrootless", "--force-depends", "--force-unsafe-io"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Whether this JVM runs as root (CI does): only then do the installed files really belong to their owners. */
    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The package's line in this root's dpkg database: {@code <status> <version>}, e.g. {@code install ok installed 1.0-1}. */
    public String packageStatus(String name) {
        Run query = run(List.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"), "-W", "-f=${Status} ${Version}", name));
        return query.exitCode() == 0 ? query.output().strip() : "not installed";
    }

    /** Runs a command with a plain PATH (useradd is in /usr/sbin) and returns its exit code and output. */
    public static Run run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PATH", PATH);
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("still running after 5 minutes: " + command);
            }
            return new Run(command, process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Run(List<String> command, int exitCode, String output) {

        public Run requireSuccess() {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exitCode + ":\n" + output);
            }
            return this;
        }
    }
}
