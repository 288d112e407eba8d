package com.lightningpos.etl.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Runs seeds or the soak as the {@code sim.*} system properties say, for {@link SimulationTest}
 * and for {@link SimulationMain} (the same runs without Maven, for long runs on a shared machine).
 * Every result goes to {@code target/simulation/results.txt}.
 */
final class SimulationRuns {

    static final Path RESULTS = Path.of("target", "simulation", "results.txt");

    private SimulationRuns() {
    }

    /** {@code sim.seed}, or {@code sim.seeds} seeds from {@code sim.firstSeed}, or the given defaults. */
    static List<Long> seeds(long[] defaults) {
        Long one = Long.getLong("sim.seed");
        if (one != null) {
            return List.of(one);
        }
        Integer many = Integer.getInteger("sim.seeds");
        if (many != null) {
            long first = Long.getLong("sim.firstSeed", 1000);
            return LongStream.range(first, first + many).boxed().toList();
        }
        return LongStream.of(defaults).boxed().toList();
    }

    /** Runs the seeds on {@code sim.threads} threads; returns the failed results (empty = all passed). */
    static List<SimulationResult> runSeeds(List<Long> seeds, int threads) {
        List<SimulationResult> failed = new ArrayList<>();
        long started = System.nanoTime();
        int passed = 0;
        try (QuietLogs quiet = new QuietLogs()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<SimulationResult>> runs = new ArrayList<>();
                for (long seed : seeds) {
                    runs.add(pool.submit(() -> Simulation.run(SimConfig.fromSystemProperties(seed))));
                }
                for (Future<SimulationResult> run : runs) {
                    SimulationResult result = run.get();
                    record(result.report());
                    if (result.passed()) {
                        passed++;
                    } else {
                        failed.add(result);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        record(String.format("%d of %d seeds passed (%s) in %d s on %d thread(s)%s%n", passed, seeds.size(), range(seeds),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), threads,
                failed.isEmpty() ? "" : "; failing seeds: " + failed.stream().map(r -> Long.toString(r.config().seed()))
                        .collect(Collectors.joining(", "))));
        return failed;
    }

    /** Hundreds of shops for hours of simulated time, sampled into {@code target/simulation/soak-<seed>.csv}. */
    static SimulationResult soak() {
        long seed = Long.getLong("sim.seed", 42);
        SimConfig config = SimConfig.defaults(seed)
                .withShops(Integer.getInteger("sim.shops", 120), Integer.getInteger("sim.newShops", 20))
                .withFaultPhase(Duration.ofMinutes(Integer.getInteger("sim.minutes", 120)));
        SoakMonitor monitor = new SoakMonitor(Path.of("target", "simulation", "soak-" + seed + ".csv"));
        SimulationResult result;
        try (QuietLogs quiet = new QuietLogs()) {
            result = new Simulation(config).monitor(monitor, Integer.getInteger("sim.sampleMinutes", 10)).run();
        }
        record(result.report());
        record("soak of " + config.initialShops() + "+" + config.newShops() + " shops, samples in "
                + monitor.report().toAbsolutePath() + System.lineSeparator());
        return result;
    }

    static String failureMessage(List<SimulationResult> failed) {
        return failed.stream().map(SimulationResult::report).collect(Collectors.joining("\n"))
                + "\nFAILING SEEDS (replay each with the command above): "
                + failed.stream().map(r -> Long.toString(r.config().seed())).collect(Collectors.joining(", "));
    }

    private static String range(List<Long> seeds) {
        return seeds.size() == 1 ? "seed " + seeds.get(0) : "seeds " + seeds.get(0) + ".." + seeds.get(seeds.size() - 1);
    }

    private static synchronized void record(String text) {
        System.out.println(text);
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.writeString(RESULTS, text.endsWith("\n") ? text : text + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
