package com.lightningpos.etl.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One seed, one run: two runs of a seed process the same events with the same outcomes. */
class SimulationReplayTest {

    @Test
    void the_same_seed_replays_exactly() {
        SimConfig config = SimConfig.defaults(11).withShops(3, 1).withFaultPhase(Duration.ofMinutes(20));
        SimulationResult first;
        SimulationResult second;
        try (QuietLogs quiet = new QuietLogs()) {
            first = Simulation.run(config);
            second = Simulation.run(config);
        }

        assertThat(first.events()).isEqualTo(second.events());
        assertThat(second.stats()).isEqualTo(first.stats());
        assertThat(second.digest()).as("the trace of every event and outcome").isEqualTo(first.digest());
        assertThat(first.stat("till.sales")).isPositive();
    }
}
