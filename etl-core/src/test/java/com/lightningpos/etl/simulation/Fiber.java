package com.lightningpos.etl.simulation;

import com.lightningpos.etl.sync.TransportRequest;
import java.util.concurrent.SynchronousQueue;

/**
 * Runs blocking client code (the real {@code SyncClient}, whose transport call blocks) as a
 * coroutine of the event loop. The body runs on its own thread, but only while the loop waits for
 * it: it runs until it sends a request ({@link #park}), then the loop continues with other events
 * and resumes the body when the simulated network delivers the answer. Exactly one thread runs at
 * any moment, so the run stays a deterministic function of the seed; the hand-over through
 * {@link SynchronousQueue} also orders memory between the two threads.
 */
final class Fiber {

    /** What the body did when it handed control back. */
    sealed interface Signal permits Parked, Done {
    }

    /** The body sent a request and waits for the answer. */
    record Parked(TransportRequest request) implements Signal {
    }

    /** The body ended; {@code failure} is what it threw, or null. */
    record Done(Throwable failure) implements Signal {
    }

    /** Thrown inside the body when its process is killed while it waits for the network. */
    static final class Killed extends Error {
        Killed() {
            super("process killed (simulated)", null, false, false);
        }
    }

    private static final Object START = new Object();
    private static final Object KILL = new Object();

    private final SynchronousQueue<Signal> toLoop = new SynchronousQueue<>();
    private final SynchronousQueue<Object> toBody = new SynchronousQueue<>();
    private final Thread thread;
    private boolean done;

    Fiber(String name, Runnable body) {
        thread = new Thread(() -> {
            Throwable failure = null;
            try {
                if (take(toBody) == KILL) {
                    throw new Killed();
                }
                body.run();
            } catch (Throwable t) {
                failure = t;
            }
            put(toLoop, new Done(failure));
        }, name);
        thread.setDaemon(true);
    }

    /** Loop side: starts the body and waits until it parks or ends. */
    Signal start() {
        thread.start();
        return resume(START);
    }

    /** Loop side: hands {@code value} (a response, or a TransportException to throw) to the parked body. */
    Signal resume(Object value) {
        if (done) {
            throw new IllegalStateException("fiber already ended");
        }
        put(toBody, value);
        Signal signal = take(toLoop);
        if (signal instanceof Done) {
            done = true;
            join();
        }
        return signal;
    }

    /** Loop side: the process died; the parked body unwinds with {@link Killed}. */
    void kill() {
        if (!done) {
            resume(KILL);
        }
    }

    boolean done() {
        return done;
    }

    /** Body side: hands the request to the loop and waits for what the network delivers. */
    Object park(TransportRequest request) {
        put(toLoop, new Parked(request));
        Object value = take(toBody);
        if (value == KILL) {
            throw new Killed();
        }
        return value;
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> void put(SynchronousQueue<T> queue, T value) {
        while (true) {
            try {
                queue.put(value);
                return;
            } catch (InterruptedException e) {
                // the hand-over must not be lost; interrupts are not part of the simulation
            }
        }
    }

    private static <T> T take(SynchronousQueue<T> queue) {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // as above
            }
        }
    }
}
