package com.lightningpos.etl.simulation;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.sync.SyncJson;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The catalog at the end: every till and every replica holds exactly the hub's items, categories
 * and tax rates (id, name, price or rate, version, deleted); every catalog edit a till made was
 * either accepted by the hub or, if it lost a conflict, recorded in {@code sync_conflicts}; and a
 * till's outbox holds only its own edits (rows applied from the hub are never captured again).
 */
final class CatalogInvariants {

    private static final Map<String, String> COMPARED = Map.of(
            "items", "name, price_cents, version, deleted",
            "categories", "name, version, deleted",
            "tax_rates", "name, rate_bp, version, deleted");

    private final List<SimShop> shops;
    private final SimHub hub;
    private final DSLContext postgres;
    private final Violations violations;
    private final Stats stats;

    CatalogInvariants(List<SimShop> shops, SimHub hub, DSLContext postgres, Violations violations, Stats stats) {
        this.shops = shops;
        this.hub = hub;
        this.postgres = postgres;
        this.violations = violations;
        this.stats = stats;
    }

    void checkAll() {
        stats.add("end.conflicts_recorded", postgres.fetchCount(postgres.selectFrom("sync_conflicts")));
        for (String table : new TreeSet<>(COMPARED.keySet())) {
            String sql = "select cast(id as text), " + COMPARED.get(table) + " from " + table;
            Map<String, String> atHub = Invariants.rows(postgres, sql);
            for (SimShop shop : shops) {
                same(table, "till of shop " + shop.name, atHub, Invariants.rows(shop.inspect(), sql));
                same(table, "replica of shop " + shop.name, atHub, Invariants.rows(hub.replicas().dsl(shop.id), sql));
            }
        }
        for (SimShop shop : shops) {
            everyEditAcceptedOrRecorded(shop);
            outboxHoldsOnlyOwnEdits(shop);
        }
    }

    private void same(String table, String where, Map<String, String> atHub, Map<String, String> there) {
        if (atHub.equals(there)) {
            return;
        }
        Set<String> differing = new TreeSet<>(atHub.keySet());
        differing.addAll(there.keySet());
        differing.removeIf(id -> java.util.Objects.equals(atHub.get(id), there.get(id)));
        violations.add("catalog-converges", table + " in the " + where + " differ from the hub in " + differing.size() + " row(s), e.g. "
                + differing.stream().limit(3).map(id -> id + " hub=" + atHub.get(id) + " there=" + there.get(id))
                .collect(Collectors.joining("; ")));
    }

    /**
     * An edit is identified by its HLC: accepted ones are in catalog_changes, lost ones in
     * sync_conflicts. The hub re-stamps an accepted edit that was stamped older than the row it
     * replaced, so accepted edits are also recognised by their content (record, version, values).
     */
    private void everyEditAcceptedOrRecorded(SimShop shop) {
        Set<String> accepted = new HashSet<>();
        for (Record change : postgres.fetch("select hlc, table_name, cast(record_id as text), cast(payload as text)"
                + " from catalog_changes where cast(origin_shop_id as text) = ?", shop.id)) {
            accepted.add(change.get(0, String.class));
            accepted.add(content(change.get(1, String.class), change.get(2, String.class), change.get(3, String.class)));
        }
        Set<String> recorded = new HashSet<>(postgres.fetch(
                "select shop_hlc from sync_conflicts where cast(shop_id as text) = ?", shop.id).getValues(0, String.class));
        String catalogTables = SyncedTable.catalog().stream().map(t -> "'" + t.tableName() + "'").collect(Collectors.joining(","));
        for (Record edit : shop.inspect().fetch("select seq, table_name, record_id, hlc, sync_status, payload from sync_changes"
                + " where table_name in (" + catalogTables + ") order by seq")) {
            String hlc = edit.get(3, String.class);
            stats.add("end.shop_catalog_edits");
            if (accepted.contains(hlc) || accepted.contains(content(edit.get(1, String.class), edit.get(2, String.class),
                    edit.get(5, String.class)))) {
                continue;
            }
            if (recorded.contains(hlc)) {
                stats.add("end.shop_edits_lost_and_recorded");
                continue;
            }
            String status = edit.get(4, String.class);
            violations.add("conflicts-recorded", "shop " + shop.name + "'s edit of " + edit.get(1) + " " + edit.get(2) + " (seq "
                    + edit.get(0) + ", " + hlc + ") was " + ("conflict".equals(status)
                    ? "overwritten at the shop by a newer hub version and never reported to the hub"
                    : "neither accepted by the hub nor recorded in sync_conflicts (outbox status " + status + ")"));
        }
    }

    private static String content(String table, String recordId, String payloadJson) {
        Map<String, Object> row = SyncJson.readPayload(payloadJson);
        return table + "|" + recordId + "|" + Invariants.normal(row.get("version")) + "|" + row.get("name") + "|"
                + Invariants.normal(row.get("price_cents")) + "|" + Invariants.normal(row.get("rate_bp"));
    }

    private void outboxHoldsOnlyOwnEdits(SimShop shop) {
        String catalogTables = SyncedTable.catalog().stream().map(t -> "'" + t.tableName() + "'").collect(Collectors.joining(","));
        DSLContext till = shop.inspect();
        int echoed = till.fetchCount(till.selectFrom("sync_changes")
                .where("table_name in (" + catalogTables + ")")
                .and("coalesce(json_extract(payload, '$.last_modified_shop_id'), '') <> ?", shop.id));
        if (echoed > 0) {
            violations.add("no-echo", "shop " + shop.name + "'s outbox holds " + echoed + " catalog change(s) it did not make");
        }
    }
}
