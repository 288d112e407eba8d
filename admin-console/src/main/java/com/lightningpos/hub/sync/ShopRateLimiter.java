package com.lightningpos.hub.sync;

import com.lightningpos.etl.sync.SyncProtocol.Codes;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;

/**
 * A token bucket per caller key (a shop id, or an address for enrolment), in this hub process.
 * Stops a runaway till or a guessing script without a shared store; with several hub instances
 * each allows the budget, which is still a bound.
 */
class ShopRateLimiter {

    private final SyncProperties.RateLimit limit;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ShopRateLimiter(SyncProperties.RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    void check(String key) {
        if (!limit.enabled()) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.capacity(), clock.millis()));
        if (!bucket.take(limit.capacity(), limit.perSecond(), clock.millis())) {
            throw new SyncApiException(HttpStatus.TOO_MANY_REQUESTS, Codes.RATE_LIMITED,
                    "Too many requests from this shop; wait a moment and try again.",
                    Map.of("retryAfterSeconds", (long) Math.ceil(1 / limit.perSecond())));
        }
    }

    private static final class Bucket {
        private double tokens;
        private long lastMillis;

        Bucket(int capacity, long now) {
            tokens = capacity;
            lastMillis = now;
        }

        synchronized boolean take(int capacity, double perSecond, long now) {
            tokens = Math.min(capacity, tokens + Math.max(0, now - lastMillis) * perSecond / 1000.0);
            lastMillis = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
