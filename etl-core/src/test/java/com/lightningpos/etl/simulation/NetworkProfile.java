package com.lightningpos.etl.simulation;

import java.util.random.RandomGenerator;

/**
 * How one shop's link to the hub behaves: one-way latency, the chance that a message (request or
 * response) is lost, delivered twice, or held up far beyond the usual latency.
 */
record NetworkProfile(String name, long minLatencyMillis, long maxLatencyMillis, double loss, double duplicate,
                      double spike) {

    /** A shop on fibre next to the hub. */
    static NetworkProfile fibre() {
        return new NetworkProfile("fibre", 2, 25, 0.0, 0.01, 0.002);
    }

    /** A shop far away on a slow, lossy mobile link: 10–30 % of messages lost. */
    static NetworkProfile mobile(RandomGenerator random) {
        double loss = 0.10 + random.nextDouble() * 0.20;
        return new NetworkProfile("mobile", 150, 1_500, loss, 0.05, 0.04);
    }

    /** A clean link that delivers many requests twice and replays old ones late (planted-bug runs). */
    static NetworkProfile duplicating() {
        return new NetworkProfile("duplicating", 2, 25, 0.0, 0.3, 0.0);
    }

    /** The same link with faults switched off (latency stays): the settling phase. */
    NetworkProfile calm() {
        return new NetworkProfile(name, minLatencyMillis, maxLatencyMillis, 0, 0, 0);
    }

    long latency(RandomGenerator random) {
        return random.nextLong(minLatencyMillis, maxLatencyMillis + 1);
    }

    @Override
    public String toString() {
        return name + (loss > 0 ? String.format("(loss %.0f%%)", loss * 100) : "");
    }
}
