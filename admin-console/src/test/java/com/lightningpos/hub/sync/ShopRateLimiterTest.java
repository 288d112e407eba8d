package com.lightningpos.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ShopRateLimiterTest {

    @Test
    void a_shop_over_its_budget_is_refused_until_the_bucket_refills_and_other_shops_are_unaffected() {
        Instant start = Instant.parse("2026-03-01T09:00:00Z");
        Clock[] clock = {Clock.fixed(start, ZoneOffset.UTC)};
        Clock moving = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return clock[0].instant();
            }
        };
        ShopRateLimiter limiter = new ShopRateLimiter(new SyncProperties.RateLimit(true, 3, 1), moving);

        limiter.check("a");
        limiter.check("a");
        limiter.check("a");
        assertThatThrownBy(() -> limiter.check("a"))
                .isInstanceOfSatisfying(SyncApiException.class, e -> assertThat(e.code()).isEqualTo("rate_limited"));
        limiter.check("b");

        clock[0] = Clock.fixed(start.plusSeconds(1), ZoneOffset.UTC);
        limiter.check("a");
    }
}
