package com.lightningpos.hub.config;

import static org.jooq.impl.DSL.max;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.etl.hub.HubTables;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hub's clocks and its catalog writer. */
@Configuration(proxyBeanMethods = false)
public class HubClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The hub's HLC. Its node id names the instance, so two hub processes never issue equal
     * timestamps; it starts after the newest timestamp already stored, so a restart on a machine
     * whose clock went back keeps catalog changes in order.
     */
    @Bean
    HybridLogicalClock hubClock(Clock clock, DSLContext db, @Value("${hub.node-id:hub}") String nodeId) {
        HybridLogicalClock hlc = new HybridLogicalClock(clock, nodeId);
        for (SyncedTable table : SyncedTable.catalog()) {
            var hub = HubTables.of(table);
            String newest = db.select(max(HubTables.field(hub, "last_modified_at", String.class))).from(hub).fetchOne(0, String.class);
            if (newest != null) {
                try {
                    hlc.advanceTo(Hlc.parse(newest));
                } catch (IllegalArgumentException ignored) {
                    // seed rows carry a placeholder timestamp
                }
            }
        }
        return hlc;
    }

    @Bean
    HubCatalog hubCatalog(HybridLogicalClock hubClock) {
        return new HubCatalog(hubClock);
    }
}
