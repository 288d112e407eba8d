package com.lightningpos.hub.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the shops' sync API ({@code hub.sync.*}).
 *
 * @param maxBatchRows   rows per pushed batch; more is refused with {@code batch_too_large}
 * @param maxBodySize    bytes per request body after gzip decoding; more is refused the same way
 * @param maxClockDrift  how far ahead of the hub's clock a pushed HLC may be
 * @param maxPullLimit   rows per pulled page at most
 * @param tokenTtl       lifetime of a shop's bearer token
 * @param rateLimit      per-shop request budget
 */
@ConfigurationProperties("hub.sync")
public record SyncProperties(
        @DefaultValue("1000") int maxBatchRows,
        @DefaultValue("16MB") DataSize maxBodySize,
        @DefaultValue("1h") Duration maxClockDrift,
        @DefaultValue("1000") int maxPullLimit,
        @DefaultValue("15m") Duration tokenTtl,
        @DefaultValue RateLimit rateLimit) {

    /**
     * A token bucket per shop: {@code capacity} requests at once, refilled at {@code perSecond}.
     * A till syncs every few minutes with a handful of calls, so the defaults only stop a runaway.
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("120") int capacity,
                            @DefaultValue("10") double perSecond) {
    }
}
