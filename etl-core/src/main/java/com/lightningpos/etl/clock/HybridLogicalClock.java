package com.lightningpos.etl.clock;

import java.time.Clock;
import java.time.Duration;

/**
 * Issues HLC timestamps for one node. Keeps causality when wall clocks drift or jump backwards:
 * a timestamp is never older than one this clock issued or received before. A remote timestamp
 * more than {@code maxDrift} ahead of the local wall clock is refused, so one badly set clock
 * cannot drag every node's time into the future.
 */
public final class HybridLogicalClock {

    public static final Duration DEFAULT_MAX_DRIFT = Duration.ofHours(1);

    private final Clock wallClock;
    private final String nodeId;
    private final long maxDriftMillis;
    private long lastPhysical;
    private int lastCounter;

    public HybridLogicalClock(Clock wallClock, String nodeId, Duration maxDrift) {
        this.wallClock = wallClock;
        this.nodeId = nodeId;
        this.maxDriftMillis = maxDrift.toMillis();
    }

    public HybridLogicalClock(Clock wallClock, String nodeId) {
        this(wallClock, nodeId, DEFAULT_MAX_DRIFT);
    }

    public String nodeId() {
        return nodeId;
    }

    /** A timestamp for a local event. */
    public synchronized Hlc now() {
        long wall = wallClock.millis();
        if (wall > lastPhysical) {
            lastPhysical = wall;
            lastCounter = 0;
        } else {
            lastCounter++;
        }
        return new Hlc(lastPhysical, lastCounter, nodeId);
    }

    /** Merges a timestamp seen in a remote change, so later local events order after it. */
    public synchronized void observe(Hlc remote) {
        checkNotTooFarAhead(remote);
        if (remote.physicalMillis() > lastPhysical) {
            lastPhysical = remote.physicalMillis();
            lastCounter = remote.counter();
        } else if (remote.physicalMillis() == lastPhysical) {
            lastCounter = Math.max(lastCounter, remote.counter());
        }
    }

    /**
     * Moves the clock to at least {@code persisted} without the drift check: used at start-up with
     * the newest timestamp found in the database, so a restarted node whose wall clock went back
     * never issues a timestamp older than one it issued before.
     */
    public synchronized void advanceTo(Hlc persisted) {
        if (persisted.physicalMillis() > lastPhysical
                || (persisted.physicalMillis() == lastPhysical && persisted.counter() > lastCounter)) {
            lastPhysical = persisted.physicalMillis();
            lastCounter = persisted.counter();
        }
    }

    /** Throws {@link HlcTooFarAheadException} if {@code remote} is beyond the allowed drift. */
    public void checkNotTooFarAhead(Hlc remote) {
        long wall = wallClock.millis();
        if (remote.physicalMillis() - wall > maxDriftMillis) {
            throw new HlcTooFarAheadException(remote, wall, maxDriftMillis);
        }
    }
}
