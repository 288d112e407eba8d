package com.lightningpos.etl.simulation;

import java.util.List;

/**
 * The simulation's runs without Maven (same {@code -Dsim.*} properties as {@link SimulationTest}):
 * for long runs on a machine where builds share a lock. Exit status 1 when a seed fails.
 * The test class path is in {@code target/surefire-reports} after any test run (see docs/testing.md).
 */
public final class SimulationMain {

    private SimulationMain() {
    }

    public static void main(String[] args) {
        boolean ok;
        if (Boolean.getBoolean("sim.soak")) {
            ok = SimulationRuns.soak().passed();
        } else {
            List<SimulationResult> failed = SimulationRuns.runSeeds(SimulationRuns.seeds(SimulationTest.CI_SEEDS),
                    Integer.getInteger("sim.threads", 2));
            if (!failed.isEmpty()) {
                System.out.println(SimulationRuns.failureMessage(failed));
            }
            ok = failed.isEmpty();
        }
        System.exit(ok ? 0 : 1);
    }
}
