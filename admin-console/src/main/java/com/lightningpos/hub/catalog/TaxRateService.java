package com.lightningpos.hub.catalog;

import static com.lightningpos.db.hub.Tables.ITEMS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.TAX_RATES;

import com.lightningpos.db.hub.tables.records.TaxRatesRecord;
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
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Head office's tax rate edits, through {@link HubCatalog} like every catalog write. */
@Service
public class TaxRateService {

    private final DSLContext db;
    private final HubCatalog catalog;
    private final AuditLog audit;
    private final UuidV7 ids;

    public TaxRateService(DSLContext db, HubCatalog catalog, AuditLog audit, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.audit = audit;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    /** A tax rate as a form gives it; null fields of an edit stay as they are. */
    public record Draft(String name, Integer rateBp, Boolean inclusive) {
    }

    public List<TaxRateRow> list(boolean includeDeleted) {
        return db.select(TAX_RATES.ID, TAX_RATES.NAME, TAX_RATES.RATE_BP, TAX_RATES.INCLUSIVE, TAX_RATES.DELETED,
                        TAX_RATES.VERSION, TAX_RATES.LAST_MODIFIED_AT, SHOPS.NAME)
                .from(TAX_RATES)
                .leftJoin(SHOPS).on(SHOPS.ID.eq(TAX_RATES.LAST_MODIFIED_SHOP_ID))
                .where(includeDeleted ? DSL.noCondition() : TAX_RATES.DELETED.isFalse())
                .orderBy(TAX_RATES.NAME)
                .fetch(r -> new TaxRateRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public UUID create(Draft draft) {
        UUID id = ids.next();
        save(id, draft, false);
        return id;
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public void update(UUID id, Draft draft) {
        save(id, draft, true);
    }

    /** Tombstones a tax rate that no live item uses. */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public void delete(UUID id) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            TaxRatesRecord current = existing(tx, id);
            if (current.getDeleted()) {
                return;
            }
            int items = tx.fetchCount(ITEMS, ITEMS.TAX_RATE_ID.eq(id).and(ITEMS.DELETED.isFalse()));
            if (items > 0) {
                throw ProblemException.conflict("in_use", "Tax rate " + current.getName() + " is used by " + items + " items");
            }
            catalog.deleteFromHub(tx, SyncedTable.TAX_RATES, id, CurrentUser.name());
            audit.record(tx, "tax_rate.delete", id.toString(), current.getName());
        });
    }

    private void save(UUID id, Draft draft, boolean edit) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            TaxRatesRecord current = edit ? existing(tx, id) : null;
            if (current != null && current.getDeleted()) {
                throw ProblemException.conflict("tax_rate_deleted", "Tax rate " + id + " is deleted");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            if (draft.name() != null || !edit) {
                String name = draft.name() == null ? "" : draft.name().strip();
                if (name.isEmpty() || name.length() > 100) {
                    throw ProblemException.validation("A tax rate needs a name of at most 100 characters");
                }
                values.put("name", name);
            }
            if (draft.rateBp() != null || !edit) {
                if (draft.rateBp() == null || draft.rateBp() < 0 || draft.rateBp() > 10_000) {
                    throw ProblemException.validation("A tax rate is between 0 and 10000 basis points (0-100 %)");
                }
                values.put("rate_bp", draft.rateBp().longValue());
            }
            if (draft.inclusive() != null || !edit) {
                values.put("inclusive", draft.inclusive() == null || draft.inclusive() ? 1L : 0L);
            }
            if (values.isEmpty()) {
                throw ProblemException.validation("Nothing to change");
            }
            catalog.saveFromHub(tx, SyncedTable.TAX_RATES, id, values, CurrentUser.name());
            audit.record(tx, edit ? "tax_rate.update" : "tax_rate.create", id.toString(), values.toString());
        });
    }

    private static TaxRatesRecord existing(DSLContext tx, UUID id) {
        TaxRatesRecord current = tx.selectFrom(TAX_RATES).where(TAX_RATES.ID.eq(id)).fetchOne();
        if (current == null) {
            throw ProblemException.notFound("No tax rate " + id);
        }
        return current;
    }
}
