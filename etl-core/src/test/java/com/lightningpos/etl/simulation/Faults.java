package com.lightningpos.etl.simulation;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * The faults of the first phase, each a process of random arrivals: hub and shop crashes (now, or
 * armed to strike at the n-th database operation, before or after a commit), partitions of the hub
 * or of one shop, and shop clocks that jump back or are set to a new wrong time. Losses,
 * duplicates and delays of single messages are the {@link Network}'s.
 */
final class Faults {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    private final EventLoop loop;
    private final RandomGenerator random;
    private final SimHub hub;
    private final Network network;
    private final List<SimShop> shops;
    private final Stats stats;
    private final Trace trace;
    private final BooleanSupplier faultPhase;

    Faults(EventLoop loop, RandomGenerator random, SimHub hub, Network network, List<SimShop> shops, Stats stats, Trace trace,
           BooleanSupplier faultPhase) {
        this.loop = loop;
        this.random = random;
        this.hub = hub;
        this.network = network;
        this.shops = shops;
        this.stats = stats;
        this.trace = trace;
        this.faultPhase = faultPhase;
    }

    /** Starts the hub-wide fault processes. */
    void start() {
        loop.after(exp(15 * MINUTE), "hub crash", this::hubCrashes);
        loop.after(exp(25 * MINUTE), "hub partition", this::hubPartitions);
        loop.after(exp(10 * MINUTE), "shop partition", this::shopPartitions);
        loop.after(exp(15 * MINUTE), "clock jump", this::clockJumps);
    }

    /** Starts the crashes of one (enrolled) shop. */
    void start(SimShop shop) {
        loop.after(exp(12 * MINUTE), "shop " + shop.name + " crash", () -> shopCrashes(shop));
    }

    private void hubCrashes() {
        if (!faultPhase.getAsBoolean()) {
            return;
        }
        if (hub.up()) {
            if (random.nextDouble() < 0.25) {
                hub.crash("killed while idle");
            } else {
                hub.crash.arm(between(1, 300), point());
            }
        }
        loop.after(exp(15 * MINUTE), "hub crash", this::hubCrashes);
    }

    private void shopCrashes(SimShop shop) {
        if (!faultPhase.getAsBoolean()) {
            return;
        }
        if (shop.up()) {
            if (random.nextDouble() < 0.3) {
                shop.crash("power cut");
            } else {
                shop.crash.arm(between(1, 60), point());
            }
        }
        loop.after(exp(12 * MINUTE), "shop " + shop.name + " crash", () -> shopCrashes(shop));
    }

    private CrashSwitch.Point point() {
        double r = random.nextDouble();
        return r < 0.6 ? CrashSwitch.Point.STATEMENT : r < 0.8 ? CrashSwitch.Point.BEFORE_COMMIT : CrashSwitch.Point.AFTER_COMMIT;
    }

    private void hubPartitions() {
        if (!faultPhase.getAsBoolean()) {
            return;
        }
        long d = between(10 * SECOND, 4 * MINUTE);
        network.cutHub(d);
        stats.add("net.hub_partitions");
        trace.note(loop.now(), "hub partitioned for " + d / 1000 + " s");
        loop.after(exp(25 * MINUTE), "hub partition", this::hubPartitions);
    }

    private void shopPartitions() {
        if (!faultPhase.getAsBoolean()) {
            return;
        }
        if (!shops.isEmpty()) {
            SimShop shop = shops.get(random.nextInt(shops.size()));
            long d = between(10 * SECOND, 8 * MINUTE);
            network.cutShop(shop.id, d);
            stats.add("net.shop_partitions");
            trace.note(loop.now(), "shop " + shop.name + " partitioned for " + d / 1000 + " s");
        }
        loop.after(exp(10 * MINUTE), "shop partition", this::shopPartitions);
    }

    /** A till clock jumps back (a bad NTP step, a dead CMOS battery) or is set to a new wrong time. */
    private void clockJumps() {
        if (!faultPhase.getAsBoolean()) {
            return;
        }
        if (!shops.isEmpty()) {
            SimShop shop = shops.get(random.nextInt(shops.size()));
            long before = shop.clock.skew();
            long after = random.nextDouble() < 0.7 ? Math.max(-2 * HOUR, before - between(SECOND, 30 * MINUTE)) : skew();
            shop.clock.skew(after);
            stats.add("clock.jumps");
            trace.note(loop.now(), "clock of shop " + shop.name + " jumps from " + before / 1000 + " s to " + after / 1000 + " s");
        }
        loop.after(exp(15 * MINUTE), "clock jump", this::clockJumps);
    }

    /** Half the tills within 30 s, a quarter off by minutes, a quarter off by one to two hours either way. */
    long skew() {
        double r = random.nextDouble();
        long sign = random.nextBoolean() ? 1 : -1;
        if (r < 0.5) {
            return between(-30 * SECOND, 30 * SECOND);
        }
        return sign * (r < 0.75 ? between(MINUTE, 10 * MINUTE) : between(HOUR, 2 * HOUR));
    }

    private long between(long min, long max) {
        return min >= max ? min : random.nextLong(min, max);
    }

    private long exp(long meanMillis) {
        return Math.max(1, (long) (-meanMillis * Math.log(1 - random.nextDouble())));
    }
}
