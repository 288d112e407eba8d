package com.lightningpos.db.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Shared by the till's and the hub's deploy-file tests (in db's test-jar, which both use).
 *
 * Reads the files under {@code deploy/}: systemd units as sections of {@code key=value} lines, and
 * environment files as {@code NAME=value} lines; and knows which Spring properties exist, from the
 * module's {@code @ConfigurationProperties} records, its {@code @Value("${...}")} placeholders and
 * Spring Boot's own configuration metadata.
 */
public final class DeployFiles {

    private static final Pattern ENV_LINE = Pattern.compile("#?([A-Za-z_][A-Za-z0-9_]*)=(.*)");
    private static final Pattern VALUE_PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9.-]*)[:}]");
    private static final Pattern METADATA_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    private DeployFiles() {
    }

    /** The repository root: the module's parent directory (Maven runs tests in the module). */
    public static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("deploy")) ? here : here.getParent();
    }

    /** A systemd unit: section name to its keys, each key to its values in order. */
    public static Map<String, Map<String, List<String>>> unit(Path file) throws IOException {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            while (line.endsWith("\\") && i + 1 < lines.size()) {
                line = line.substring(0, line.length() - 1) + " " + lines.get(++i).strip();
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": bad section header " + line);
                }
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq <= 0 || !line.substring(0, eq).strip().matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not key=value inside a section: " + line);
            }
            current.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>()).add(line.substring(eq + 1).strip());
        }
        return sections;
    }

    /** An environment file: every assignment, also the commented-out examples ({@code #NAME=value}). */
    public static Map<String, String> env(Path file, boolean includeCommentedOut) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = ENV_LINE.matcher(line);
            if (line.startsWith("#") && !m.matches()) {
                continue; // prose
            }
            if (!m.matches()) {
                throw new IllegalArgumentException(file + ": not NAME=value: " + raw);
            }
            if (line.startsWith("#") && !includeCommentedOut) {
                continue;
            }
            values.put(m.group(1), m.group(2));
        }
        return values;
    }

    /** Every property name this module binds, normalised (lower case, letters and digits only). */
    public static Set<String> moduleProperties(String basePackage, Path sources) throws IOException {
        Set<String> names = new HashSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
                addComponents(names, prefix, type, basePackage);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = VALUE_PLACEHOLDER.matcher(Files.readString(f));
                while (m.find()) {
                    names.add(normal(m.group(1)));
                }
            }
        }
        return names;
    }

    private static void addComponents(Set<String> names, String prefix, Class<?> type, String basePackage) {
        if (!type.isRecord()) {
            names.add(normal(prefix));
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + "." + c.getName();
            names.add(normal(name));
            if (c.getType().isRecord() && c.getType().getName().startsWith(basePackage)) {
                addComponents(names, name, c.getType(), basePackage);
            }
        }
    }

    /** Spring Boot's own properties, from every {@code spring-configuration-metadata.json} on the class path. */
    public static Set<String> springBootProperties() {
        Set<String> names = new HashSet<>();
        try {
            for (URL url : Collections.list(DeployFiles.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    Matcher m = METADATA_NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        names.add(normal(m.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Whether {@code ENV_NAME} binds to a known property (relaxed binding: case, dots, dashes ignored). */
    public static boolean known(String envName, Set<String> properties) {
        return properties.contains(normal(envName));
    }

    public static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The {@code <finalName>} of a module's pom, i.e. the jar's name without {@code .jar}. */
    public static String finalName(Path pom) throws IOException {
        Matcher m = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Files.readString(pom));
        if (!m.find()) {
            throw new IllegalStateException("no finalName in " + pom);
        }
        return m.group(1).strip();
    }

    public record Run(int exitCode, String output) {
    }

    /** Runs a tool if it is installed; null when it is not. */
    public static Run runIfPresent(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Run(p.waitFor(), out);
        } catch (IOException e) {
            return null;
        }
    }
}
