package com.lightningpos.pos;

import static com.lightningpos.db.shop.Tables.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.pos.catalog.Item;
import com.lightningpos.pos.config.HybridClockConfiguration;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HybridClockTest extends PosServerTest {

    @Test
    void a_restarted_till_never_stamps_below_the_newest_timestamp_already_stored() {
        Item item = item("Clock test", 100, null);
        Clock now = Clock.systemUTC();
        // Stored by a till whose clock ran two hours ahead, beyond the one-hour drift bound.
        String future = new Hlc(now.millis() + Duration.ofHours(2).toMillis(), 7, "other-node").encode();
        dsl.update(ITEMS).set(ITEMS.LAST_MODIFIED_AT, future).where(ITEMS.ID.eq(item.id())).execute();

        HybridLogicalClock restarted = new HybridClockConfiguration().hybridLogicalClock(now, identity, dsl);

        Hlc next = restarted.now();
        assertThat(next).isGreaterThan(Hlc.parse(future));
        assertThat(next.nodeId()).isEqualTo(shopId());
        dsl.update(ITEMS).set(ITEMS.DELETED, true).where(ITEMS.ID.eq(item.id())).execute();
    }
}
