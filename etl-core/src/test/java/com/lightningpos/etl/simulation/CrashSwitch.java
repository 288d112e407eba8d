package com.lightningpos.etl.simulation;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;

/**
 * Makes a process "crash" at a chosen step: armed with a number of database operations, it throws
 * {@link SimulatedCrash} at that operation (a statement, or just before or just after a commit),
 * and from then on at every operation, as a dead process does nothing more. The simulation notices
 * {@link #fired()} and restarts the process from its files, whatever the code in between caught.
 */
final class CrashSwitch implements ExecuteListener, TransactionListener {

    /** Where an armed switch fires, relative to the operation it counts down on. */
    enum Point { STATEMENT, BEFORE_COMMIT, AFTER_COMMIT }

    /** The process died here. Not a DataAccessException, so no code treats it as a row's fault. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    private final String name;
    private long countdown = -1;
    private Point point = Point.STATEMENT;
    private boolean fired;
    private String firedAt;

    CrashSwitch(String name) {
        this.name = name;
    }

    /** Crash at the {@code operations}-th next operation of kind {@code point}. */
    void arm(long operations, Point point) {
        if (!fired) {
            this.countdown = Math.max(1, operations);
            this.point = point;
        }
    }

    boolean armed() {
        return countdown > 0;
    }

    /** Crash now (e.g. the machine lost power while idle). */
    void fireNow(String where) {
        fired = true;
        firedAt = where;
        countdown = -1;
    }

    boolean fired() {
        return fired;
    }

    String firedAt() {
        return firedAt;
    }

    /** No more crashes (the settling phase); a switch that already fired stays fired. */
    void disarm() {
        countdown = -1;
    }

    /** A restarted process starts with a fresh switch state. */
    void reset() {
        fired = false;
        firedAt = null;
        countdown = -1;
    }

    /** For code outside jOOQ (the replica row applier): counts as a statement. */
    void step(String where) {
        tick(Point.STATEMENT, where);
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        tick(Point.STATEMENT, "at a statement");
    }

    @Override
    public void commitStart(TransactionContext ctx) {
        tick(Point.BEFORE_COMMIT, "before a commit");
    }

    @Override
    public void commitEnd(TransactionContext ctx) {
        if (fired) {
            return; // the commit did not happen: commitStart threw
        }
        tick(Point.AFTER_COMMIT, "after a commit");
    }

    private void tick(Point at, String where) {
        if (fired) {
            throw new SimulatedCrash(name + " is dead (" + firedAt + ")");
        }
        if (countdown > 0 && at == point && --countdown == 0) {
            fireNow(where);
            throw new SimulatedCrash(name + " " + where);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
