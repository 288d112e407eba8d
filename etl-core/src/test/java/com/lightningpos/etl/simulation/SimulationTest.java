package com.lightningpos.etl.simulation;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The deterministic multi-shop simulation (see {@link Simulation}). Without properties it runs
 * the fixed CI seeds. {@code -Dsim.seed=N} replays one seed; {@code -Dsim.seeds=N} runs N seeds
 * from {@code -Dsim.firstSeed} (default 1000); {@code -Dsim.threads} sets how many run at once
 * (default 2); {@code -Dsim.soak=true} runs the soak instead. Results are appended to
 * {@code target/simulation/results.txt}; a failing seed prints its report and replay command.
 */
class SimulationTest {

    /** Fixed, so a red build names a seed anyone can replay; as many as fit CI's time budget. */
    static final long[] CI_SEEDS = {1, 2, 3, 4, 5, 6};

    @Test
    void every_invariant_holds_for_every_seed() {
        Assumptions.assumeFalse(Boolean.getBoolean("sim.soak"), "soak mode runs the soak test only");
        List<SimulationResult> failed = SimulationRuns.runSeeds(SimulationRuns.seeds(CI_SEEDS), Integer.getInteger("sim.threads", 2));
        if (!failed.isEmpty()) {
            fail(SimulationRuns.failureMessage(failed));
        }
    }

    @Test
    void soak() {
        Assumptions.assumeTrue(Boolean.getBoolean("sim.soak"), "run with -Dsim.soak=true");
        SimulationResult result = SimulationRuns.soak();
        if (!result.passed()) {
            fail(result.report());
        }
    }
}
