package com.lightningpos.hub.sync;

import static com.lightningpos.db.hub.Tables.HUB_SETTINGS;

import com.lightningpos.db.hub.tables.records.ShopsRecord;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * sync_with_schema_check: a till older than the required shop schema may not download (its code
 * may not understand what it receives), but one at or above the oldest accepted upload version
 * still uploads, so a till awaiting an update never holds its sales back.
 */
@Component
class SchemaGate {

    enum Purpose { DOWNLOAD, UPLOAD }

    /** The versions in force for one shop. */
    record Versions(int required, int minUpload) {
    }

    private final DSLContext db;

    SchemaGate(DSLContext db) {
        this.db = db;
    }

    Versions versions(ShopsRecord shop) {
        var settings = db.selectFrom(HUB_SETTINGS).where(HUB_SETTINGS.ID.eq(1)).fetchSingle();
        int required = settings.getRequiredShopSchemaVersion();
        Integer canaryRequired = settings.getCanaryRequiredShopSchemaVersion();
        if (Boolean.TRUE.equals(shop.getCanary()) && canaryRequired != null) {
            required = Math.max(required, canaryRequired); // canary shops are asked for a rollout first
        }
        return new Versions(required, Math.min(required, settings.getMinUploadSchemaVersion()));
    }

    /** Parses the client's version header; 400 when it is missing or not a number. */
    static int clientVersion(String header) {
        try {
            return Integer.parseInt(header == null ? "" : header.strip());
        } catch (NumberFormatException e) {
            throw new SyncApiException(HttpStatus.BAD_REQUEST, Codes.SCHEMA_VERSION_MISSING,
                    "Every sync call must send its shop schema version in the " + SyncProtocol.SCHEMA_HEADER + " header.");
        }
    }

    Versions check(ShopsRecord shop, String header, Purpose purpose) {
        int client = clientVersion(header);
        Versions versions = versions(shop);
        int needed = purpose == Purpose.DOWNLOAD ? versions.required() : versions.minUpload();
        if (client < needed) {
            throw new SyncApiException(HttpStatus.UPGRADE_REQUIRED, Codes.SCHEMA_UPDATE_REQUIRED,
                    "This till runs shop schema version " + client + "; the hub requires version " + versions.required()
                            + (purpose == Purpose.UPLOAD ? " (uploads from version " + versions.minUpload() + ")" : "")
                            + ". Update the till; it keeps selling meanwhile.",
                    Map.of("requiredVersion", versions.required(), "minUploadVersion", versions.minUpload()));
        }
        return versions;
    }
}
