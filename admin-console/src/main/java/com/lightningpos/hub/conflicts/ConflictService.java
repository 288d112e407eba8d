package com.lightningpos.hub.conflicts;

import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.SYNC_CONFLICTS;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.etl.hub.HubTables;
import com.lightningpos.etl.hub.WireValues;
import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.audit.CurrentUser;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Review and settlement of the conflicts the hub recorded. Settling keeps who and when; when the
 * settlement writes a value (the shop's version, or a merge), it goes through {@link HubCatalog}
 * in the same transaction, so it is stamped, versioned and propagated like any head office edit.
 */
@Service
public class ConflictService {

    /** Columns the hub maintains itself; a re-apply or a merge never sets them. */
    static final Set<String> SYSTEM_COLUMNS = Set.of("id", "version", "last_modified_at", "last_modified_shop_id",
            "origin_shop_id");

    private final DSLContext db;
    private final HubCatalog catalog;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public ConflictService(DSLContext db, HubCatalog catalog, AuditLog audit, ObjectMapper json, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Newest first. */
    public List<ConflictRow> page(ConflictFilter filter, int offset, int limit) {
        return select().where(condition(filter))
                .orderBy(SYNC_CONFLICTS.CREATED_AT.desc(), SYNC_CONFLICTS.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(this::toRow);
    }

    public int count(ConflictFilter filter) {
        return db.fetchCount(SYNC_CONFLICTS, condition(filter));
    }

    /** The tables that have conflicts, for the filter. */
    public List<String> tables() {
        return db.selectDistinct(SYNC_CONFLICTS.TABLE_NAME).from(SYNC_CONFLICTS).orderBy(SYNC_CONFLICTS.TABLE_NAME)
                .fetch(SYNC_CONFLICTS.TABLE_NAME);
    }

    public ConflictDetail detail(long id) {
        Record r = select().where(SYNC_CONFLICTS.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> ProblemException.notFound("No conflict " + id));
        Map<String, Object> shop = read(r.get(SYNC_CONFLICTS.SHOP_VERSION));
        Map<String, Object> hub = read(r.get(SYNC_CONFLICTS.HUB_VERSION));
        SyncedTable table = SyncedTable.byName(r.get(SYNC_CONFLICTS.TABLE_NAME)).orElse(null);
        Map<String, Object> current = table == null ? Map.of() : currentRow(table, r.get(SYNC_CONFLICTS.RECORD_ID));
        Set<String> names = new LinkedHashSet<>(shop.keySet());
        names.addAll(hub.keySet());
        names.addAll(current.keySet());
        List<FieldDiff> fields = new ArrayList<>();
        for (String name : names) {
            String shopValue = text(shop.get(name));
            String hubValue = text(hub.get(name));
            fields.add(new FieldDiff(name, shopValue, hubValue, text(current.get(name)), !Objects.equals(shopValue, hubValue)));
        }
        // the fields that differ first, so they are what a person sees without scrolling
        fields.sort(java.util.Comparator.comparing(f -> !f.differs()));
        boolean canReapply = table != null && table.isCatalog() && shop.containsKey("id");
        return new ConflictDetail(toRow(r), fields, canReapply);
    }

    /** The result the hub applied stands. */
    @PreAuthorize("hasAnyRole('HEAD_OFFICE', 'SUPPORT')")
    public ConflictRow acceptApplied(long id, String note) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            settle(tx, id, Settlement.ACCEPTED_APPLIED, note);
        });
        return detail(id).conflict();
    }

    /** Writes the shop's version to the hub, from where it reaches every shop. */
    @PreAuthorize("hasAnyRole('HEAD_OFFICE', 'SUPPORT')")
    public ConflictRow reapplyShopVersion(long id, String note) {
        writeAndSettle(id, Settlement.REAPPLIED_SHOP_VERSION, note, conflict -> {
            Map<String, Object> values = new LinkedHashMap<>(read(conflict.getShopVersion()));
            SYSTEM_COLUMNS.forEach(values::remove);
            return values;
        });
        return detail(id).conflict();
    }

    /**
     * Writes a value merged by hand. {@code values} maps column names to text as a person typed it
     * (blank clears a column); only the columns given change.
     */
    @PreAuthorize("hasAnyRole('HEAD_OFFICE', 'SUPPORT')")
    public ConflictRow applyMerged(long id, Map<String, String> values, String note) {
        writeAndSettle(id, Settlement.MERGED, note, conflict -> {
            SyncedTable table = catalogTable(conflict.getTableName());
            return MergedValues.toWire(HubTables.of(table), values);
        });
        return detail(id).conflict();
    }

    private interface ValuesToWrite {
        Map<String, Object> of(com.lightningpos.db.hub.tables.records.SyncConflictsRecord conflict);
    }

    private void writeAndSettle(long id, Settlement settlement, String note, ValuesToWrite valuesToWrite) {
        try {
            db.transaction(cfg -> {
                DSLContext tx = cfg.dsl();
                var conflict = settle(tx, id, settlement, note);
                SyncedTable table = catalogTable(conflict.getTableName());
                Map<String, Object> values = valuesToWrite.of(conflict);
                if (values.isEmpty()) {
                    throw ProblemException.validation("There are no values to write");
                }
                catalog.saveFromHub(tx, table, conflict.getRecordId(), values, CurrentUser.name());
                audit.record(tx, "conflict.write", table.tableName() + "/" + conflict.getRecordId(),
                        settlement.code() + " " + values);
            });
        } catch (DataAccessException e) {
            // e.g. the shop's barcode still belongs to another item: nothing was written or settled
            throw new ProblemException(HttpStatus.CONFLICT, "write_failed",
                    "The hub could not write this version: " + rootMessage(e));
        }
    }

    /** Marks the conflict settled (locking it, so two people cannot settle it twice). */
    private com.lightningpos.db.hub.tables.records.SyncConflictsRecord settle(DSLContext tx, long id, Settlement settlement,
                                                                              String note) {
        var conflict = tx.selectFrom(SYNC_CONFLICTS).where(SYNC_CONFLICTS.ID.eq(id)).forUpdate().fetchOne();
        if (conflict == null) {
            throw ProblemException.notFound("No conflict " + id);
        }
        if (!"open".equals(conflict.getStatus())) {
            throw ProblemException.conflict("already_settled", "Conflict " + id + " was settled by "
                    + conflict.getSettledBy() + " at " + conflict.getSettledAt());
        }
        String resolution = note == null || note.isBlank() ? settlement.code() : settlement.code() + ": " + note.strip();
        conflict.setStatus("settled");
        conflict.setResolution(resolution);
        conflict.setSettledBy(CurrentUser.name());
        conflict.setSettledAt(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        conflict.store();
        audit.record(tx, "conflict.settle", "conflict " + id, conflict.getTableName() + "/" + conflict.getRecordId()
                + ": " + resolution);
        return conflict;
    }

    private static SyncedTable catalogTable(String name) {
        return SyncedTable.byName(name).filter(SyncedTable::isCatalog)
                .orElseThrow(() -> ProblemException.validation("Rows of " + name + " cannot be written from the console"));
    }

    private Map<String, Object> currentRow(SyncedTable table, UUID recordId) {
        Table<?> hub = HubTables.of(table);
        Record row = db.selectFrom(hub).where(HubTables.field(hub, "id", UUID.class).eq(recordId)).fetchOne();
        return row == null ? Map.of() : WireValues.toWire(row, table.shopTable());
    }

    private SelectOnConditionStep<Record> select() {
        return db.select(SYNC_CONFLICTS.asterisk(), SHOPS.NAME)
                .from(SYNC_CONFLICTS)
                .join(SHOPS).on(SHOPS.ID.eq(SYNC_CONFLICTS.SHOP_ID));
    }

    private Condition condition(ConflictFilter filter) {
        Condition c = DSL.noCondition();
        if (filter.status() != null) {
            c = c.and(SYNC_CONFLICTS.STATUS.eq(filter.status().name().toLowerCase()));
        }
        if (filter.shopId() != null) {
            c = c.and(SYNC_CONFLICTS.SHOP_ID.eq(filter.shopId()));
        }
        if (filter.table() != null && !filter.table().isBlank()) {
            c = c.and(SYNC_CONFLICTS.TABLE_NAME.eq(filter.table()));
        }
        if (filter.olderThan() != null) {
            c = c.and(SYNC_CONFLICTS.CREATED_AT.le(OffsetDateTime.now(clock).minus(filter.olderThan())));
        }
        return c;
    }

    private ConflictRow toRow(Record r) {
        Map<String, Object> shop = read(r.get(SYNC_CONFLICTS.SHOP_VERSION));
        Object label = shop.getOrDefault("name", shop.get("code"));
        return new ConflictRow(r.get(SYNC_CONFLICTS.ID), r.get(SYNC_CONFLICTS.SHOP_ID), r.get(SHOPS.NAME),
                r.get(SYNC_CONFLICTS.TABLE_NAME), r.get(SYNC_CONFLICTS.RECORD_ID), label == null ? null : label.toString(),
                r.get(SYNC_CONFLICTS.RULE), r.get(SYNC_CONFLICTS.WINNER), r.get(SYNC_CONFLICTS.STATUS),
                r.get(SYNC_CONFLICTS.CREATED_AT), r.get(SYNC_CONFLICTS.RESOLUTION), r.get(SYNC_CONFLICTS.SETTLED_BY),
                r.get(SYNC_CONFLICTS.SETTLED_AT));
    }

    private Map<String, Object> read(JSONB value) {
        if (value == null) {
            return Map.of();
        }
        try {
            return json.readValue(value.data(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            return Map.of("unreadable", value.data());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
