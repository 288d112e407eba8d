package com.lightningpos.pos.shop;

import static com.lightningpos.db.shop.Tables.SHOP_CONFIG;

import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.pos.config.PosProperties;
import java.time.Clock;
import java.time.Instant;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reads this till's identity from {@code shop_config}. A till that starts for the first time
 * without a hub becomes a standalone till with an id of its own, so it can sell at once; enrolment
 * (see the sync package) replaces the row with the id the hub issued.
 */
@Service
public class ShopIdentityService {

    private static final Logger log = LoggerFactory.getLogger(ShopIdentityService.class);

    private final DSLContext db;
    private final PosProperties properties;
    private final UuidV7 ids;
    private final Clock clock;

    public ShopIdentityService(DSLContext db, PosProperties properties, UuidV7 ids, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
    }

    /** This till's identity; creates the standalone identity on the very first start. */
    public synchronized ShopIdentity current() {
        var row = db.selectFrom(SHOP_CONFIG).limit(1).fetchOne();
        if (row == null) {
            String id = ids.next().toString();
            db.insertInto(SHOP_CONFIG)
                    .set(SHOP_CONFIG.ID, id)
                    .set(SHOP_CONFIG.NAME, properties.shopName())
                    .set(SHOP_CONFIG.IS_ACTIVE, true)
                    .set(SHOP_CONFIG.CREATED_AT, Instant.now(clock).toString())
                    .execute();
            log.info("First start without enrolment: this till is standalone shop {} ({})", properties.shopName(), id);
            row = db.selectFrom(SHOP_CONFIG).limit(1).fetchOne();
        }
        return new ShopIdentity(row.getId(), row.getName(), row.getSyncUrl(), row.getSyncUrl() == null);
    }
}
