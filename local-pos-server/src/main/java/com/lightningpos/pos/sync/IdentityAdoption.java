package com.lightningpos.pos.sync;

import static com.lightningpos.db.shop.Tables.RECEIPT_COUNTERS;
import static com.lightningpos.db.shop.Tables.SHOP_CONFIG;
import static com.lightningpos.db.shop.Tables.STOCK_LEVELS;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;

import com.lightningpos.etl.change.RemoteWrites;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.sync.SyncJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the id the hub issued this till's identity. A till may have started (and even sold) as a
 * standalone shop before enrolment reached the hub; those rows were never sent anywhere, so they
 * are re-keyed to the new id, outbox included, in one transaction that the capture triggers ignore.
 * Nothing is lost and nothing is sent under the old id.
 */
final class IdentityAdoption {

    private static final Logger log = LoggerFactory.getLogger(IdentityAdoption.class);
    private static final List<String> CATALOG_SHOP_COLUMNS = List.of("origin_shop_id", "last_modified_shop_id");

    private IdentityAdoption() {
    }

    static void adopt(DSLContext db, String shopId, String shopName, String hubUrl, String enrolledAt) {
        db.transaction(c -> {
            DSLContext tx = c.dsl();
            RemoteWrites.begin(tx);
            var current = tx.selectFrom(SHOP_CONFIG).limit(1).fetchOne();
            String old = current == null ? null : current.getId();
            if (old != null && !old.equals(shopId)) {
                rekey(tx, old, shopId);
            }
            tx.deleteFrom(SHOP_CONFIG).execute();
            tx.insertInto(SHOP_CONFIG)
                    .set(SHOP_CONFIG.ID, shopId)
                    .set(SHOP_CONFIG.NAME, shopName == null ? "Shop" : shopName)
                    .set(SHOP_CONFIG.SYNC_URL, hubUrl)
                    .set(SHOP_CONFIG.IS_ACTIVE, true)
                    .set(SHOP_CONFIG.ENROLLED_AT, enrolledAt)
                    .set(SHOP_CONFIG.CREATED_AT, current == null ? enrolledAt : current.getCreatedAt())
                    .execute();
            RemoteWrites.end(tx);
        });
    }

    private static void rekey(DSLContext tx, String old, String shopId) {
        int rows = 0;
        for (SyncedTable table : SyncedTable.values()) {
            List<String> columns = table.isCatalog() ? CATALOG_SHOP_COLUMNS : List.of("shop_id");
            for (String column : columns) {
                @SuppressWarnings("unchecked")
                Field<String> field = (Field<String>) table.shopTable().field(column);
                rows += tx.update(table.shopTable()).set(field, shopId).where(field.eq(old)).execute();
            }
        }
        tx.update(RECEIPT_COUNTERS).set(RECEIPT_COUNTERS.SHOP_ID, shopId).where(RECEIPT_COUNTERS.SHOP_ID.eq(old)).execute();
        tx.update(STOCK_LEVELS).set(STOCK_LEVELS.SHOP_ID, shopId).where(STOCK_LEVELS.SHOP_ID.eq(old)).execute();
        int outbox = 0;
        for (var change : tx.selectFrom(SYNC_CHANGES).where(SYNC_CHANGES.SHOP_ID.eq(old)
                .or(SYNC_CHANGES.PAYLOAD.contains(old))).fetch()) {
            Map<String, Object> payload = new HashMap<>(SyncJson.readPayload(change.getPayload()));
            payload.replaceAll((k, v) -> Objects.equals(v, old) && (k.equals("shop_id") || CATALOG_SHOP_COLUMNS.contains(k)) ? shopId : v);
            tx.update(SYNC_CHANGES)
                    .set(SYNC_CHANGES.PAYLOAD, SyncJson.writePayload(payload))
                    .set(SYNC_CHANGES.SHOP_ID, Objects.equals(change.getShopId(), old) ? shopId : change.getShopId())
                    .where(SYNC_CHANGES.SEQ.eq(change.getSeq()))
                    .execute();
            outbox++;
        }
        log.info("Standalone shop {} becomes enrolled shop {}: {} row(s) and {} outbox change(s) re-keyed", old, shopId, rows, outbox);
    }
}
