package com.lightningpos.hub.catalog;

import static com.lightningpos.db.hub.Tables.ITEMS;

import com.lightningpos.db.hub.tables.records.ItemsRecord;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.audit.CurrentUser;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Head office's item edits. Every write goes through {@link HubCatalog} inside one transaction
 * with its audit entry: the row is stamped with the hub's HLC, its version bumped, and the change
 * appended to {@code catalog_changes} for the propagator, or nothing happens at all.
 */
@Service
public class CatalogService {

    private final DSLContext db;
    private final HubCatalog catalog;
    private final AuditLog audit;
    private final ItemSearch search;
    private final UuidV7 ids;

    public CatalogService(DSLContext db, HubCatalog catalog, AuditLog audit, ItemSearch search, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.audit = audit;
        this.search = search;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    public List<ItemRow> page(ItemFilter filter, List<ItemSort> sorts, int offset, int limit) {
        return search.page(filter, sorts, offset, limit);
    }

    public int count(ItemFilter filter) {
        return search.count(filter);
    }

    public ItemRow get(UUID id) {
        return search.byId(id).orElseThrow(() -> ProblemException.notFound("No item " + id));
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public ItemRow createItem(ItemDraft draft) {
        return createItem(null, draft.toChanges());
    }

    /**
     * Creates an item; {@code id} may be given by the caller (a retried request with the same id is
     * then refused rather than creating a second item), otherwise a UUID v7 is made here.
     */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public ItemRow createItem(UUID id, ItemChanges values) {
        UUID itemId = id == null ? ids.next() : id;
        ItemChanges changes = withNewItemDefaults(ItemRules.normalize(values));
        translateBarcodeViolation(changes, tx -> {
            if (tx.fetchExists(ITEMS, ITEMS.ID.eq(itemId))) {
                throw ProblemException.conflict("duplicate_id", "An item with id " + itemId + " exists already");
            }
            ItemRules.check(tx, itemId, changes, null);
            catalog.saveFromHub(tx, SyncedTable.ITEMS, itemId, changes.toWire(), CurrentUser.name());
            audit.record(tx, "item.create", itemId.toString(), ItemRules.describe(changes, null));
            return null;
        });
        return get(itemId);
    }

    /** Changes only the fields present in {@code changes}. */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public ItemRow updateItem(UUID id, ItemChanges changes) {
        ItemChanges normalized = ItemRules.normalize(changes);
        if (normalized.isEmpty()) {
            throw ProblemException.validation("Nothing to change");
        }
        translateBarcodeViolation(normalized, tx -> {
            ItemsRecord current = liveItem(tx, id);
            ItemRules.check(tx, id, normalized, current);
            catalog.saveFromHub(tx, SyncedTable.ITEMS, id, normalized.toWire(), CurrentUser.name());
            audit.record(tx, "item.update", id.toString(), ItemRules.describe(normalized, current));
            return null;
        });
        return get(id);
    }

    /** Tombstones the item, so that the deletion reaches every shop like any other change. */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public void deleteItem(UUID id) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            ItemsRecord current = tx.selectFrom(ITEMS).where(ITEMS.ID.eq(id)).fetchOne();
            if (current == null) {
                throw ProblemException.notFound("No item " + id);
            }
            if (current.getDeleted()) {
                return; // deleting twice is the same as once
            }
            catalog.deleteFromHub(tx, SyncedTable.ITEMS, id, CurrentUser.name());
            audit.record(tx, "item.delete", id.toString(), current.getSku() + " " + current.getName());
        });
    }

    private static ItemsRecord liveItem(DSLContext tx, UUID id) {
        ItemsRecord current = tx.selectFrom(ITEMS).where(ITEMS.ID.eq(id)).fetchOne();
        if (current == null) {
            throw ProblemException.notFound("No item " + id);
        }
        if (current.getDeleted()) {
            throw ProblemException.conflict("item_deleted", "Item " + id + " is deleted");
        }
        return current;
    }

    private static ItemChanges withNewItemDefaults(ItemChanges changes) {
        ItemChanges result = changes;
        if (!result.has(ItemField.UNIT) || result.get(ItemField.UNIT) == null) {
            result = result.with(ItemField.UNIT, "each");
        }
        if (!result.has(ItemField.ACTIVE) || result.get(ItemField.ACTIVE) == null) {
            result = result.with(ItemField.ACTIVE, true);
        }
        return result;
    }

    /** A concurrent writer can take the barcode between our check and our write; the unique key decides. */
    private <T> T translateBarcodeViolation(ItemChanges changes, Function<DSLContext, T> work) {
        try {
            return db.transactionResult(cfg -> work.apply(cfg.dsl()));
        } catch (DataAccessException e) {
            if (String.valueOf(e.getMessage()).contains("items_barcode_key")) {
                throw ItemRules.duplicateBarcode((String) changes.get(ItemField.BARCODE), null);
            }
            throw e;
        }
    }
}
