package com.lightningpos.hub.catalog;

import static com.lightningpos.db.hub.Tables.CATEGORIES;
import static com.lightningpos.db.hub.Tables.ITEMS;
import static com.lightningpos.db.hub.Tables.SHOPS;

import com.lightningpos.db.hub.tables.Categories;
import com.lightningpos.db.hub.tables.records.CategoriesRecord;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.audit.CurrentUser;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Head office's category edits, through {@link HubCatalog} like every catalog write. */
@Service
public class CategoryService {

    private static final Categories PARENT = CATEGORIES.as("parent");

    private final DSLContext db;
    private final HubCatalog catalog;
    private final AuditLog audit;
    private final UuidV7 ids;

    public CategoryService(DSLContext db, HubCatalog catalog, AuditLog audit, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.audit = audit;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    /** A category as a form gives it; null fields of an edit stay as they are. */
    public record Draft(String name, UUID parentId, Integer sortOrder) {
    }

    public List<CategoryRow> list(boolean includeDeleted) {
        return db.select(CATEGORIES.ID, CATEGORIES.NAME, CATEGORIES.PARENT_ID, PARENT.NAME, CATEGORIES.SORT_ORDER,
                        CATEGORIES.DELETED, CATEGORIES.VERSION, CATEGORIES.LAST_MODIFIED_AT, SHOPS.NAME)
                .from(CATEGORIES)
                .leftJoin(PARENT).on(PARENT.ID.eq(CATEGORIES.PARENT_ID))
                .leftJoin(SHOPS).on(SHOPS.ID.eq(CATEGORIES.LAST_MODIFIED_SHOP_ID))
                .where(includeDeleted ? org.jooq.impl.DSL.noCondition() : CATEGORIES.DELETED.isFalse())
                .orderBy(CATEGORIES.SORT_ORDER, CATEGORIES.NAME)
                .fetch(r -> new CategoryRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public UUID create(Draft draft) {
        UUID id = ids.next();
        save(id, draft, null);
        return id;
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public void update(UUID id, Draft draft) {
        save(id, draft, id);
    }

    /** Tombstones a category that no live item or category uses. */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public void delete(UUID id) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            CategoriesRecord current = existing(tx, id);
            if (current.getDeleted()) {
                return;
            }
            int items = tx.fetchCount(ITEMS, ITEMS.CATEGORY_ID.eq(id).and(ITEMS.DELETED.isFalse()));
            int children = tx.fetchCount(CATEGORIES, CATEGORIES.PARENT_ID.eq(id).and(CATEGORIES.DELETED.isFalse()));
            if (items + children > 0) {
                throw ProblemException.conflict("in_use", "Category " + current.getName() + " is used by " + items
                        + " items and " + children + " categories");
            }
            catalog.deleteFromHub(tx, SyncedTable.CATEGORIES, id, CurrentUser.name());
            audit.record(tx, "category.delete", id.toString(), current.getName());
        });
    }

    private void save(UUID id, Draft draft, UUID existingId) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            CategoriesRecord current = existingId == null ? null : existing(tx, existingId);
            if (current != null && current.getDeleted()) {
                throw ProblemException.conflict("category_deleted", "Category " + id + " is deleted");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            if (draft.name() != null || current == null) {
                String name = draft.name() == null ? "" : draft.name().strip();
                if (name.isEmpty() || name.length() > 100) {
                    throw ProblemException.validation("A category needs a name of at most 100 characters");
                }
                values.put("name", name);
            }
            if (draft.parentId() != null) {
                checkParent(tx, id, draft.parentId());
                values.put("parent_id", draft.parentId().toString());
            }
            if (draft.sortOrder() != null) {
                values.put("sort_order", draft.sortOrder().longValue());
            }
            if (values.isEmpty()) {
                throw ProblemException.validation("Nothing to change");
            }
            catalog.saveFromHub(tx, SyncedTable.CATEGORIES, id, values, CurrentUser.name());
            audit.record(tx, current == null ? "category.create" : "category.update", id.toString(), values.toString());
        });
    }

    /** The parent must exist and must not be the category itself or one of its descendants. */
    private static void checkParent(DSLContext tx, UUID id, UUID parentId) {
        UUID cursor = parentId;
        for (int depth = 0; cursor != null; depth++) {
            if (cursor.equals(id) || depth > 100) {
                throw ProblemException.validation("A category cannot be its own parent or ancestor");
            }
            CategoriesRecord parent = tx.selectFrom(CATEGORIES).where(CATEGORIES.ID.eq(cursor)).fetchOne();
            if (parent == null || parent.getDeleted()) {
                throw ProblemException.validation("No category " + cursor);
            }
            cursor = parent.getParentId();
        }
    }

    private static CategoriesRecord existing(DSLContext tx, UUID id) {
        CategoriesRecord current = tx.selectFrom(CATEGORIES).where(CATEGORIES.ID.eq(id)).fetchOne();
        if (current == null) {
            throw ProblemException.notFound("No category " + id);
        }
        return current;
    }
}
