package com.lightningpos.hub.shops;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Derives a shop's {@link ShopStatus} from what the hub knows of it. Pure, so the rules are easy to test. */
public final class ShopStatusRules {

    private final Duration lagAfter;
    private final Duration silentAfter;

    public ShopStatusRules(Duration lagAfter, Duration silentAfter) {
        this.lagAfter = lagAfter;
        this.silentAfter = silentAfter;
    }

    /** What the rules look at. */
    public record Facts(boolean active, Integer schemaVersion, int requiredVersion, OffsetDateTime lastSeenAt,
                        OffsetDateTime lastRunAt, int consecutiveFailures, OffsetDateTime putAsideUntil,
                        Boolean lastRunOk, Long lagSeconds) {
    }

    public ShopStatus statusOf(Facts f, Instant now) {
        if (!f.active()) {
            return ShopStatus.INACTIVE;
        }
        if (f.schemaVersion() != null && f.schemaVersion() < f.requiredVersion()) {
            return ShopStatus.UPDATE_REQUIRED;
        }
        if (f.lastSeenAt() == null && f.lastRunAt() == null) {
            return ShopStatus.NEVER_SYNCED;
        }
        boolean putAside = f.putAsideUntil() != null && f.putAsideUntil().toInstant().isAfter(now);
        if (f.consecutiveFailures() > 0 || putAside || Boolean.FALSE.equals(f.lastRunOk())) {
            return ShopStatus.ERRORING;
        }
        boolean silent = f.lastSeenAt() != null && f.lastSeenAt().toInstant().plus(silentAfter).isBefore(now);
        boolean behind = f.lagSeconds() != null && f.lagSeconds() > lagAfter.toSeconds();
        if (silent || behind) {
            return ShopStatus.LAGGING;
        }
        return ShopStatus.HEALTHY;
    }
}
