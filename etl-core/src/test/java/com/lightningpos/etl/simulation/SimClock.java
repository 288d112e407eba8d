package com.lightningpos.etl.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * A wall clock of the simulation: the true time of the event loop plus this machine's skew. The
 * hub's skew stays 0; a shop's skew is set at start and jumps (back) during the run, as badly kept
 * till clocks do.
 */
final class SimClock extends Clock {

    private final LongSupplier trueMillis;
    private volatile long skewMillis;

    SimClock(LongSupplier trueMillis) {
        this.trueMillis = trueMillis;
    }

    long skew() {
        return skewMillis;
    }

    void skew(long millis) {
        this.skewMillis = millis;
    }

    @Override
    public long millis() {
        return trueMillis.getAsLong() + skewMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** A view of a clock that never reads earlier than {@code floorMillis} (the till's start-up floor). */
    static Clock floored(Clock clock, long floorMillis) {
        return new Clock() {
            @Override
            public long millis() {
                return Math.max(clock.millis(), floorMillis);
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis());
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }
}
