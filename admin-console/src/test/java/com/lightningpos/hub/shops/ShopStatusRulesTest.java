package com.lightningpos.hub.shops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ShopStatusRulesTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    final ShopStatusRules rules = new ShopStatusRules(Duration.ofMinutes(10), Duration.ofMinutes(15));

    static OffsetDateTime ago(Duration d) {
        return NOW.minus(d).atOffset(ZoneOffset.UTC);
    }

    static ShopStatusRules.Facts facts(boolean active, Integer version, OffsetDateTime seen, int failures, Boolean ok,
                                       Long lag) {
        return new ShopStatusRules.Facts(active, version, 2, seen, seen, failures, null, ok, lag);
    }

    @Test
    void a_recently_seen_shop_without_backlog_is_healthy() {
        assertThat(rules.statusOf(facts(true, 2, ago(Duration.ofMinutes(2)), 0, true, 0L), NOW)).isEqualTo(ShopStatus.HEALTHY);
    }

    @Test
    void the_first_matching_status_wins() {
        assertThat(rules.statusOf(facts(false, 1, null, 3, false, 9999L), NOW)).isEqualTo(ShopStatus.INACTIVE);
        assertThat(rules.statusOf(facts(true, 1, ago(Duration.ofMinutes(1)), 3, false, 0L), NOW)).isEqualTo(ShopStatus.UPDATE_REQUIRED);
        assertThat(rules.statusOf(new ShopStatusRules.Facts(true, null, 2, null, null, 0, null, null, null), NOW))
                .isEqualTo(ShopStatus.NEVER_SYNCED);
        assertThat(rules.statusOf(facts(true, 2, ago(Duration.ofMinutes(1)), 2, true, 0L), NOW)).isEqualTo(ShopStatus.ERRORING);
        assertThat(rules.statusOf(facts(true, 2, ago(Duration.ofMinutes(1)), 0, false, 0L), NOW)).isEqualTo(ShopStatus.ERRORING);
    }

    @Test
    void a_backlog_older_than_the_threshold_or_a_silent_shop_is_lagging() {
        assertThat(rules.statusOf(facts(true, 2, ago(Duration.ofMinutes(1)), 0, true, 11 * 60L), NOW)).isEqualTo(ShopStatus.LAGGING);
        assertThat(rules.statusOf(facts(true, 2, ago(Duration.ofMinutes(16)), 0, true, 0L), NOW)).isEqualTo(ShopStatus.LAGGING);
        assertThat(rules.statusOf(facts(true, 2, ago(Duration.ofMinutes(14)), 0, true, 9 * 60L), NOW)).isEqualTo(ShopStatus.HEALTHY);
    }
}
