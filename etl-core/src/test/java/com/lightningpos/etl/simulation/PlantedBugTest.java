package com.lightningpos.etl.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The simulation is only worth something if it notices a broken safeguard. Here the replica store
 * is built without its high-water check, so a repeated or late push batch is applied again; the
 * network delivers many requests twice and replays old ones late. The same seed with the real
 * replica store passes, so the violation is the planted bug's doing.
 */
class PlantedBugTest {

    static final long SEED = 7;

    static SimConfig duplicatingRun() {
        return SimConfig.defaults(SEED).withShops(2, 0).withFaultPhase(Duration.ofMinutes(15)).duplicatesOnly();
    }

    @Test
    void without_the_high_water_check_the_simulation_reports_rows_applied_twice() {
        SimulationResult planted;
        SimulationResult clean;
        try (QuietLogs quiet = new QuietLogs()) {
            planted = Simulation.run(duplicatingRun().plantSkipHighWaterCheck());
            clean = Simulation.run(duplicatingRun());
        }
        System.out.println("planted: " + planted.report());
        System.out.println("clean:   " + clean.report());

        assertThat(planted.stat("net.request_duplicated") + planted.stat("net.request_replayed_late")).isPositive();
        assertThat(planted.passed()).as("the planted bug is reported").isFalse();
        assertThat(planted.violations()).anySatisfy(v -> assertThat(v).containsAnyOf("[nothing-quarantined]", "[acked-means-stored]",
                "[sales-identical]", "[replica-is-a-copy]"));
        assertThat(clean.passed()).as(clean::report).isTrue();
    }
}
