package com.lightningpos.hub.schema;

import static com.lightningpos.db.hub.Tables.HUB_SETTINGS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static org.jooq.impl.DSL.count;

import com.lightningpos.db.SchemaKind;
import com.lightningpos.db.hub.tables.records.HubSettingsRecord;
import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.audit.CurrentUser;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The shop schema version the hub requires, and its rollout. The sync API asks
 * {@link #requiredVersionFor(UUID)} on every call and answers 426 to an older till; a till whose
 * version is at least {@link #minUploadVersion()} may still upload its sales meanwhile.
 *
 * <p>A raise can go to the canary shops first: they must run the canary version while the rest
 * of the chain keeps the old requirement, until the chain-wide version is raised too.
 */
@Service
public class SchemaRolloutService {

    private final DSLContext db;
    private final AuditLog audit;

    public SchemaRolloutService(DSLContext db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public SchemaStatus status() {
        HubSettingsRecord settings = settings(db);
        var versions = db.select(SHOPS.SCHEMA_VERSION, count(), count().filterWhere(SHOPS.CANARY.isTrue()))
                .from(SHOPS)
                .where(SHOPS.IS_ACTIVE.isTrue())
                .groupBy(SHOPS.SCHEMA_VERSION)
                .orderBy(SHOPS.SCHEMA_VERSION.desc().nullsLast())
                .fetch(r -> new SchemaStatus.VersionCount(r.value1(), r.value2(), r.value3()));
        return new SchemaStatus(settings.getRequiredShopSchemaVersion(), settings.getMinUploadSchemaVersion(),
                activeCanary(settings), SchemaKind.SHOP.latestVersion(), settings.getUpdatedAt(), settings.getUpdatedBy(),
                versions);
    }

    /** The version this shop must run to download the catalog (canary shops may be asked for more). */
    public int requiredVersionFor(UUID shopId) {
        HubSettingsRecord settings = settings(db);
        Boolean canary = db.select(SHOPS.CANARY).from(SHOPS).where(SHOPS.ID.eq(shopId)).fetchOne(SHOPS.CANARY);
        return RequiredVersion.forShop(Boolean.TRUE.equals(canary), settings.getRequiredShopSchemaVersion(),
                settings.getCanaryRequiredShopSchemaVersion());
    }

    /** The oldest shop schema version whose uploads the hub still accepts. */
    public int minUploadVersion() {
        return settings(db).getMinUploadSchemaVersion();
    }

    /**
     * Active shops that a raise to {@code version} tells to update: those reporting an older version,
     * and those that have not reported one yet (they learn it at their next call).
     */
    public List<ShopVersion> shopsBelow(int version, boolean canaryOnly) {
        Condition older = SHOPS.SCHEMA_VERSION.lt(version).or(SHOPS.SCHEMA_VERSION.isNull());
        return db.select(SHOPS.ID, SHOPS.NAME, SHOPS.SCHEMA_VERSION, SHOPS.CANARY, SHOPS.LAST_SEEN_AT)
                .from(SHOPS)
                .where(SHOPS.IS_ACTIVE.isTrue().and(older).and(canaryOnly ? SHOPS.CANARY.isTrue() : DSL.noCondition()))
                .orderBy(SHOPS.NAME)
                .fetch(r -> new ShopVersion(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /**
     * Raises the version every shop must run. Uploads stay open to the version below it (the
     * window that lets a till awaiting its update keep sending sales), unless
     * {@code minUploadVersion} says otherwise. A lower version is refused: a till that migrated
     * its database cannot go back.
     */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public SchemaStatus raiseRequired(int version, Integer minUploadVersion) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            HubSettingsRecord settings = lockedSettings(tx);
            int current = settings.getRequiredShopSchemaVersion();
            if (version < current) {
                throw ProblemException.validation("The required version is " + current + "; it cannot be lowered to " + version);
            }
            int minUpload = minUploadVersion != null ? minUploadVersion
                    : Math.max(settings.getMinUploadSchemaVersion(), Math.max(1, version - 1));
            if (minUpload < 1 || minUpload > version) {
                throw ProblemException.validation("The oldest version allowed to upload must be between 1 and " + version);
            }
            Integer canary = settings.getCanaryRequiredShopSchemaVersion();
            tx.update(HUB_SETTINGS)
                    .set(HUB_SETTINGS.REQUIRED_SHOP_SCHEMA_VERSION, version)
                    .set(HUB_SETTINGS.MIN_UPLOAD_SCHEMA_VERSION, minUpload)
                    // a canary rollout the whole chain has caught up with is over
                    .set(HUB_SETTINGS.CANARY_REQUIRED_SHOP_SCHEMA_VERSION, canary != null && canary > version ? canary : null)
                    .set(HUB_SETTINGS.UPDATED_AT, OffsetDateTime.now())
                    .set(HUB_SETTINGS.UPDATED_BY, CurrentUser.name())
                    .where(HUB_SETTINGS.ID.eq(1))
                    .execute();
            int told = tx.fetchCount(SHOPS, SHOPS.IS_ACTIVE.isTrue().and(SHOPS.SCHEMA_VERSION.lt(version).or(SHOPS.SCHEMA_VERSION.isNull())));
            audit.record(tx, "schema.raise_required", "shop schema",
                    current + " → " + version + ", uploads from " + minUpload + ", " + told + " shops told to update");
        });
        return status();
    }

    /** Asks canary shops for {@code version} first; the rest of the chain keeps its requirement. */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public SchemaStatus raiseCanary(int version) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            HubSettingsRecord settings = lockedSettings(tx);
            if (version <= settings.getRequiredShopSchemaVersion()) {
                throw ProblemException.validation("Every shop must run " + settings.getRequiredShopSchemaVersion()
                        + " already; a canary version must be higher");
            }
            Integer before = activeCanary(settings);
            if (before != null && version < before) {
                throw ProblemException.validation("Canary shops run towards " + before + " already; it cannot be lowered");
            }
            tx.update(HUB_SETTINGS)
                    .set(HUB_SETTINGS.CANARY_REQUIRED_SHOP_SCHEMA_VERSION, version)
                    .set(HUB_SETTINGS.UPDATED_AT, OffsetDateTime.now())
                    .set(HUB_SETTINGS.UPDATED_BY, CurrentUser.name())
                    .where(HUB_SETTINGS.ID.eq(1))
                    .execute();
            int told = tx.fetchCount(SHOPS, SHOPS.IS_ACTIVE.isTrue().and(SHOPS.CANARY.isTrue())
                    .and(SHOPS.SCHEMA_VERSION.lt(version).or(SHOPS.SCHEMA_VERSION.isNull())));
            audit.record(tx, "schema.raise_canary", "shop schema", "canary shops → " + version + ", " + told
                    + " canary shops told to update");
        });
        return status();
    }

    /**
     * Calls a canary rollout off (a bad release found on the canary shops): canary shops are no longer
     * asked for the canary version. Shops that already run it keep running it (a database is never
     * migrated back); they still meet the chain's requirement, so nothing else changes for them.
     */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public SchemaStatus cancelCanary() {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            HubSettingsRecord settings = lockedSettings(tx);
            Integer canary = activeCanary(settings);
            if (canary == null) {
                throw ProblemException.conflict("no_canary_rollout", "No canary rollout is running.");
            }
            tx.update(HUB_SETTINGS)
                    .setNull(HUB_SETTINGS.CANARY_REQUIRED_SHOP_SCHEMA_VERSION)
                    .set(HUB_SETTINGS.UPDATED_AT, OffsetDateTime.now())
                    .set(HUB_SETTINGS.UPDATED_BY, CurrentUser.name())
                    .where(HUB_SETTINGS.ID.eq(1))
                    .execute();
            int already = tx.fetchCount(SHOPS, SHOPS.IS_ACTIVE.isTrue().and(SHOPS.SCHEMA_VERSION.ge(canary)));
            audit.record(tx, "schema.cancel_canary", "shop schema", "canary rollout of " + canary + " called off; "
                    + already + " shops run it already");
        });
        return status();
    }

    private static Integer activeCanary(HubSettingsRecord settings) {
        Integer canary = settings.getCanaryRequiredShopSchemaVersion();
        return canary != null && canary > settings.getRequiredShopSchemaVersion() ? canary : null;
    }

    private static HubSettingsRecord settings(DSLContext db) {
        return db.selectFrom(HUB_SETTINGS).where(HUB_SETTINGS.ID.eq(1)).fetchSingle();
    }

    private static HubSettingsRecord lockedSettings(DSLContext tx) {
        return tx.selectFrom(HUB_SETTINGS).where(HUB_SETTINGS.ID.eq(1)).forUpdate().fetchSingle();
    }
}
