package com.lightningpos.etl.simulation;

import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.TransportRequest;
import com.lightningpos.etl.sync.TransportResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The simulated network between the tills and the hub. Every call is answered exactly once, with
 * the hub's response or a {@link TransportException} (refused, reset, timed out), after simulated
 * latency. Faults, while switched on: requests and responses lost (the client times out), responses
 * held up past the client's timeout, requests delivered twice, an earlier request of the same shop
 * delivered again much later (reordering), and partitions of one shop or of the hub.
 */
final class Network {

    /** The client gives up on a call after this long (the till's HTTP timeout is of this order). */
    static final long TIMEOUT_MILLIS = 30_000;
    static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int HISTORY = 24;

    /** The hub as the network sees it: an answer, or none (down, or it died handling the request). */
    interface Hub {
        Optional<TransportResponse> handle(TransportRequest request);
    }

    private final EventLoop loop;
    private final RandomGenerator random;
    private final Hub hub;
    private final Stats stats;
    private final Trace trace;
    private final Map<String, NetworkProfile> profiles = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Long> shopCutUntil = new HashMap<>();
    private final Map<String, List<TransportRequest>> history = new HashMap<>();
    private long hubCutUntil;
    private boolean faults = true;
    private int openCalls;
    private int pendingDeliveries;

    Network(EventLoop loop, RandomGenerator random, Hub hub, Stats stats, Trace trace) {
        this.loop = loop;
        this.random = random;
        this.hub = hub;
        this.stats = stats;
        this.trace = trace;
    }

    void profile(String shop, String name, NetworkProfile profile) {
        profiles.put(shop, profile);
        names.put(shop, name);
    }

    NetworkProfile profile(String shop) {
        NetworkProfile p = profiles.getOrDefault(shop, NetworkProfile.fibre());
        return faults ? p : p.calm();
    }

    void cutShop(String shop, long millis) {
        shopCutUntil.put(shop, loop.now() + millis);
    }

    void cutHub(long millis) {
        hubCutUntil = loop.now() + millis;
    }

    /** Ends every partition and stops injecting faults (the settling phase). */
    void calm() {
        faults = false;
        shopCutUntil.clear();
        hubCutUntil = 0;
    }

    /** Nothing on the wire: no call waiting for an answer and no request still travelling. */
    /** Whether the shop can reach the hub's network at all right now (the hub may still be down). */
    boolean reachable(String shop) {
        return !cut(shop);
    }

    boolean idle() {
        return openCalls == 0 && pendingDeliveries == 0;
    }

    private boolean cut(String shop) {
        return loop.now() < hubCutUntil || loop.now() < shopCutUntil.getOrDefault(shop, 0L);
    }

    /** Sends {@code request} for {@code shop}; {@code reply} later gets a TransportResponse or a TransportException. */
    void send(String shop, TransportRequest request, Consumer<Object> reply) {
        Call call = new Call(shop, request, reply);
        openCalls++;
        stats.add("net.requests");
        NetworkProfile p = profile(shop);
        if (cut(shop)) {
            stats.add("net.refused_partition");
            loop.after(random.nextLong(1, CONNECT_TIMEOUT_MILLIS), "net.refused " + names.get(shop),
                    () -> call.answer(new TransportException("connect timed out (partition, simulated)")));
            return;
        }
        loop.after(TIMEOUT_MILLIS, "net.timeout? " + names.get(shop),
                () -> call.answer(new TransportException("read timed out (simulated)")));
        if (random.nextDouble() < p.loss()) {
            stats.add("net.request_lost");
        } else {
            deliver(shop, p.latency(random), "net.deliver " + names.get(shop) + " " + label(request), () -> handle(call, p));
        }
        if (faults && random.nextDouble() < p.duplicate()) {
            stats.add("net.request_duplicated");
            deliver(shop, p.latency(random) + random.nextLong(0, 90_000), "net.duplicate " + names.get(shop) + " " + label(request),
                    () -> stale(shop, request));
        }
        List<TransportRequest> past = history.computeIfAbsent(shop, s -> new ArrayList<>());
        if (faults && !past.isEmpty() && random.nextDouble() < p.duplicate()) {
            TransportRequest old = past.get(random.nextInt(past.size()));
            stats.add("net.request_replayed_late");
            deliver(shop, random.nextLong(1_000, 180_000), "net.late " + names.get(shop) + " " + label(old), () -> stale(shop, old));
        }
        past.add(request);
        if (past.size() > HISTORY) {
            past.remove(0);
        }
    }

    private void deliver(String shop, long delay, String label, Runnable action) {
        pendingDeliveries++;
        loop.after(delay, label, () -> {
            pendingDeliveries--;
            action.run();
        });
    }

    private void handle(Call call, NetworkProfile p) {
        if (cut(call.shop)) {
            stats.add("net.request_lost_partition");
            return; // the client times out
        }
        Optional<TransportResponse> response = hub.handle(call.request);
        if (response.isEmpty()) {
            loop.after(p.latency(random), "net.reset " + names.get(call.shop),
                    () -> call.answer(new TransportException("connection reset (simulated)")));
            return;
        }
        trace.note(loop.now(), "hub answered " + response.get().status() + " to " + label(call.request));
        if (random.nextDouble() < p.loss()) {
            stats.add("net.response_lost");
            return;
        }
        long delay = p.latency(random);
        if (random.nextDouble() < p.spike()) {
            stats.add("net.response_delayed");
            delay += random.nextLong(5_000, 3 * TIMEOUT_MILLIS);
        }
        loop.after(delay, "net.response " + names.get(call.shop), () -> {
            if (cut(call.shop)) {
                stats.add("net.response_lost_partition");
            } else {
                call.answer(response.get());
            }
        });
    }

    /** A copy of an earlier request reaches the hub; nobody waits for its answer any more. */
    private void stale(String shop, TransportRequest request) {
        if (cut(shop)) {
            return;
        }
        hub.handle(request).ifPresent(r -> trace.note(loop.now(), "hub answered " + r.status() + " to a stale " + label(request)));
    }

    private static String label(TransportRequest request) {
        String path = request.path();
        int shops = path.indexOf("/shops/");
        String shortPath = shops >= 0 ? path.substring(0, shops + 7) + path.substring(shops + 7, shops + 15) + "…"
                + path.substring(path.indexOf('/', shops + 7)) : path;
        return request.method() + " " + shortPath;
    }

    private final class Call {
        final String shop;
        final TransportRequest request;
        final Consumer<Object> reply;
        boolean answered;

        Call(String shop, TransportRequest request, Consumer<Object> reply) {
            this.shop = shop;
            this.request = request;
            this.reply = reply;
        }

        void answer(Object value) {
            if (answered) {
                return;
            }
            answered = true;
            openCalls--;
            if (value instanceof TransportException) {
                stats.add("net.failed_calls");
            }
            reply.accept(value);
        }
    }
}
