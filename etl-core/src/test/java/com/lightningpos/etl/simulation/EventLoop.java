package com.lightningpos.etl.simulation;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The simulation's only scheduler: a priority queue of timed events on one simulated time line.
 * Events at the same instant run in the order they were scheduled, so a run is a pure function of
 * the seed. Time only moves when the next event is taken.
 */
final class EventLoop {

    private record Event(long at, long order, String label, Runnable action) {
    }

    private final PriorityQueue<Event> queue =
            new PriorityQueue<>(Comparator.comparingLong(Event::at).thenComparingLong(Event::order));
    private final Trace trace;
    private long now;
    private long order;
    private long processed;

    EventLoop(long startMillis, Trace trace) {
        this.now = startMillis;
        this.trace = trace;
    }

    long now() {
        return now;
    }

    long processed() {
        return processed;
    }

    void at(long time, String label, Runnable action) {
        queue.add(new Event(Math.max(time, now), order++, label, action));
    }

    void after(long delayMillis, String label, Runnable action) {
        at(now + Math.max(0, delayMillis), label, action);
    }

    /** Runs every event due up to {@code until} (inclusive), then sets the time to {@code until}. */
    void runUntil(long until) {
        while (!queue.isEmpty() && queue.peek().at() <= until) {
            Event e = queue.poll();
            now = e.at();
            processed++;
            trace.event(now, e.label());
            e.action().run();
        }
        now = Math.max(now, until);
    }
}
