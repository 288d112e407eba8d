package com.lightningpos.etl.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one seed: the broken invariants (none means the run passed), what happened, the
 * trace digest (equal digests = identical runs) and the command that replays the seed.
 */
record SimulationResult(SimConfig config, List<String> violations, int violationCount, List<String> knownFindings,
                        Map<String, Long> stats,
                        String digest, long events, Duration simulated, Duration wall, List<String> traceTail,
                        String workDir) {

    boolean passed() {
        return violationCount == 0;
    }

    String replayCommand() {
        StringBuilder command = new StringBuilder("./mvnw -pl etl-core test -Dtest=SimulationTest -Dsim.seed=" + config.seed());
        config.replayArguments().forEach(a -> command.append(' ').append(a));
        return command.toString();
    }

    String summary() {
        return String.format("seed %d: %s%s, %d events, %s simulated in %.1f s wall, digest %s, sales %d, refunds %d, voids %d,"
                        + " shop catalog edits %d, hub crashes %d, shop crashes %d, lost messages %d, conflicts recorded %d",
                config.seed(), passed() ? "PASSED" : violationCount + " VIOLATION(S)",
                knownFindings.isEmpty() ? "" : " (" + knownFindings.size() + " known finding(s))", events, human(simulated),
                wall.toMillis() / 1000.0, digest, stat("till.sales"), stat("till.refunds"), stat("till.voids"),
                stat("till.catalog_edits"), stat("hub.crashes"), stat("shop.crashes"),
                stat("net.request_lost") + stat("net.response_lost"), stat("end.conflicts_recorded"));
    }

    long stat(String name) {
        return stats.getOrDefault(name, 0L);
    }

    /** Everything a person needs to start on a failing seed. */
    String report() {
        StringBuilder out = new StringBuilder();
        out.append(summary()).append('\n');
        violations.forEach(v -> out.append("  ").append(v).append('\n'));
        if (violationCount > violations.size()) {
            out.append("  ... and ").append(violationCount - violations.size()).append(" more\n");
        }
        knownFindings.forEach(k -> out.append("  known: ").append(k).append('\n'));
        out.append("  stats: ").append(new java.util.TreeMap<>(stats)).append('\n');
        if (!passed()) {
            out.append("  files kept in ").append(workDir).append('\n');
            out.append("  last events:\n");
            traceTail.subList(Math.max(0, traceTail.size() - 60), traceTail.size()).forEach(l -> out.append("    ").append(l).append('\n'));
            out.append("  REPLAY: ").append(replayCommand()).append('\n');
        }
        return out.toString();
    }

    private static String human(Duration d) {
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
    }
}
