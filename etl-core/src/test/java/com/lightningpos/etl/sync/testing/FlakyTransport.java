package com.lightningpos.etl.sync.testing;

import com.lightningpos.etl.sync.SyncTransport;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.TransportRequest;
import com.lightningpos.etl.sync.TransportResponse;
import java.util.function.Predicate;

/**
 * Wraps a transport and loses messages on request: a dropped request never reaches the hub, a
 * dropped response reached it (and changed what it changes) but its answer is lost.
 */
public final class FlakyTransport implements SyncTransport {

    private final SyncTransport inner;
    private Predicate<TransportRequest> dropRequest = r -> false;
    private Predicate<TransportRequest> dropResponse = r -> false;
    private boolean offline;

    public FlakyTransport(SyncTransport inner) {
        this.inner = inner;
    }

    public void offline(boolean offline) {
        this.offline = offline;
    }

    /** Drops the responses of the next {@code n} requests that match. */
    public void dropResponses(int n, Predicate<TransportRequest> which) {
        int[] left = {n};
        dropResponse = r -> which.test(r) && left[0]-- > 0;
    }

    public void dropRequests(int n, Predicate<TransportRequest> which) {
        int[] left = {n};
        dropRequest = r -> which.test(r) && left[0]-- > 0;
    }

    @Override
    public TransportResponse exchange(TransportRequest request) throws TransportException {
        if (offline || dropRequest.test(request)) {
            throw new TransportException("connection refused (simulated)");
        }
        TransportResponse response = inner.exchange(request);
        if (dropResponse.test(request)) {
            throw new TransportException("connection reset (simulated, after the hub handled the request)");
        }
        return response;
    }

    public static Predicate<TransportRequest> pushes() {
        return r -> r.method().equals("POST") && r.path().endsWith("/changes");
    }

    public static Predicate<TransportRequest> pulls() {
        return r -> r.method().equals("GET") && r.path().contains("/changes");
    }
}
