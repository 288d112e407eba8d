package com.lightningpos.etl.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run depends on besides its seed. Each setting can be given as a system property
 * ({@code sim.shops}, {@code sim.newShops}, {@code sim.minutes}, {@code sim.settleHours},
 * {@code sim.mobile}); {@link #replayArguments()} lists the ones that differ from the defaults,
 * so a printed replay command reproduces the run exactly.
 *
 * @param seed                the one source of randomness
 * @param initialShops        shops provisioned at the start
 * @param newShops            shops provisioned while the run goes on
 * @param faultPhase          how long the workload and the faults last (simulated time)
 * @param settleLimit         how long the calm phase may take to reach quiet before that is a violation
 * @param mobileShare         share of shops on a lossy mobile link (the rest on fibre)
 * @param faults              false: no crashes, partitions, skew, losses; only duplicates (planted-bug runs)
 * @param skipHighWaterCheck  plant a bug: the replica re-applies rows at or below its high-water mark
 */
record SimConfig(long seed, int initialShops, int newShops, Duration faultPhase, Duration settleLimit,
                 double mobileShare, boolean faults, boolean skipHighWaterCheck) {

    static final int SHOPS = 4;
    static final int NEW_SHOPS = 2;
    static final int MINUTES = 40;
    static final int SETTLE_HOURS = 4;
    static final double MOBILE = 0.5;

    static SimConfig defaults(long seed) {
        return new SimConfig(seed, SHOPS, NEW_SHOPS, Duration.ofMinutes(MINUTES), Duration.ofHours(SETTLE_HOURS), MOBILE,
                true, false);
    }

    /** The defaults, overridden by {@code sim.*} system properties. */
    static SimConfig fromSystemProperties(long seed) {
        return new SimConfig(seed,
                Integer.getInteger("sim.shops", SHOPS),
                Integer.getInteger("sim.newShops", NEW_SHOPS),
                Duration.ofMinutes(Integer.getInteger("sim.minutes", MINUTES)),
                Duration.ofHours(Integer.getInteger("sim.settleHours", SETTLE_HOURS)),
                Double.parseDouble(System.getProperty("sim.mobile", Double.toString(MOBILE))),
                true, false);
    }

    SimConfig withSeed(long newSeed) {
        return new SimConfig(newSeed, initialShops, newShops, faultPhase, settleLimit, mobileShare, faults, skipHighWaterCheck);
    }

    SimConfig withShops(int initial, int added) {
        return new SimConfig(seed, initial, added, faultPhase, settleLimit, mobileShare, faults, skipHighWaterCheck);
    }

    SimConfig withFaultPhase(Duration phase) {
        return new SimConfig(seed, initialShops, newShops, phase, settleLimit, mobileShare, faults, skipHighWaterCheck);
    }

    /** Only message duplication and late replays (for the planted-bug test: one cause, one effect). */
    SimConfig duplicatesOnly() {
        return new SimConfig(seed, initialShops, newShops, faultPhase, settleLimit, 0, false, skipHighWaterCheck);
    }

    SimConfig plantSkipHighWaterCheck() {
        return new SimConfig(seed, initialShops, newShops, faultPhase, settleLimit, mobileShare, faults, true);
    }

    /** The {@code -Dsim.*} arguments that reproduce this configuration (besides the seed). */
    List<String> replayArguments() {
        List<String> args = new ArrayList<>();
        if (initialShops != SHOPS) {
            args.add("-Dsim.shops=" + initialShops);
        }
        if (newShops != NEW_SHOPS) {
            args.add("-Dsim.newShops=" + newShops);
        }
        if (faultPhase.toMinutes() != MINUTES) {
            args.add("-Dsim.minutes=" + faultPhase.toMinutes());
        }
        if (settleLimit.toHours() != SETTLE_HOURS) {
            args.add("-Dsim.settleHours=" + settleLimit.toHours());
        }
        if (mobileShare != MOBILE) {
            args.add("-Dsim.mobile=" + mobileShare);
        }
        return args;
    }
}
