package com.lightningpos.pos.config;

import static com.lightningpos.db.shop.Tables.CATEGORIES;
import static com.lightningpos.db.shop.Tables.ITEMS;
import static com.lightningpos.db.shop.Tables.PAYMENT_METHODS;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.TAX_RATES;

import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.pos.shop.ShopIdentityService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.TableField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The till's Hybrid Logical Clock (node id = shop id). It starts no lower than the newest HLC
 * already stored, so a till whose wall clock was set back after a restart still stamps its next
 * catalog edit as newer than its previous ones (otherwise the edit would lose its own conflict).
 */
@Configuration(proxyBeanMethods = false)
public class HybridClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HybridClockConfiguration.class);

    @Bean
    public HybridLogicalClock hybridLogicalClock(Clock clock, ShopIdentityService identity, DSLContext db) {
        Hlc newest = newestStored(db);
        // The floor lets the clock accept a stored timestamp that is ahead of the wall clock by more
        // than the drift bound (a till whose clock was wrong yesterday must still start today).
        var hlc = new HybridLogicalClock(new FloorClock(clock, newest.physicalMillis()), identity.current().shopId());
        hlc.observe(newest);
        if (newest.physicalMillis() > clock.millis()) {
            log.warn("The newest stored timestamp {} is ahead of this machine's clock; check the system time", newest);
        }
        return hlc;
    }

    static Hlc newestStored(DSLContext db) {
        List<TableField<?, String>> columns = List.of(ITEMS.LAST_MODIFIED_AT, CATEGORIES.LAST_MODIFIED_AT,
                TAX_RATES.LAST_MODIFIED_AT, PAYMENT_METHODS.LAST_MODIFIED_AT, SYNC_CHANGES.HLC);
        return columns.stream()
                .map(f -> db.select(DSL.max(f)).from(f.getTable()).fetchOne(0, String.class))
                .filter(Objects::nonNull)
                .map(HybridClockConfiguration::parseOrZero)
                .max(Hlc::compareTo)
                .orElse(Hlc.ZERO);
    }

    private static Hlc parseOrZero(String text) {
        try {
            return Hlc.parse(text);
        } catch (IllegalArgumentException e) {
            return Hlc.ZERO;
        }
    }

    /** A wall clock that never reads earlier than {@code floorMillis}. */
    static final class FloorClock extends Clock {
        private final Clock delegate;
        private final long floorMillis;

        FloorClock(Clock delegate, long floorMillis) {
            this.delegate = delegate;
            this.floorMillis = floorMillis;
        }

        @Override
        public long millis() {
            return Math.max(delegate.millis(), floorMillis);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return delegate.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new FloorClock(delegate.withZone(zone), floorMillis);
        }
    }
}
