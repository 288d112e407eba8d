package com.lightningpos.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.sync.JoinCatalogResponse;
import com.lightningpos.etl.sync.testing.MutableClock;
import com.lightningpos.etl.sync.testing.ShopFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogAnswerApplierTest {

    static final String HUB_TEA = "00000000-0000-0000-0000-0000000000a1";

    @TempDir
    Path dir;

    ShopFixture till;
    String localTea;
    String localJam;
    String order;

    @BeforeEach
    void standaloneTillWithSalesOfItsOwnItems() {
        till = new ShopFixture(dir, UUID.randomUUID().toString(), MutableClock.at("2026-03-01T09:00:00Z"));
        localTea = UUID.randomUUID().toString();
        localJam = UUID.randomUUID().toString();
        item(localTea, "TEA-1", "4006381333931", "Tea", 250);
        item(localJam, "JAM-1", "2000000000015", "Jam", 400);
        till.setPrice(localTea, 260); // a standalone catalog edit, queued like any other
        order = UUID.randomUUID().toString();
        till.db.transaction(c -> {
            var tx = c.dsl();
            tx.execute("INSERT INTO sales_orders (id, shop_id, receipt_no, status, subtotal_cents, tax_cents, total_cents, paid_cents, created_at)"
                    + " VALUES (?, ?, 1000, 'completed', 660, 0, 660, 660, '2026-03-01T10:00:00Z')", order, till.shopId);
            line(tx, order, 1, localTea, "Tea", 260);
            line(tx, order, 2, localJam, "Jam", 400);
            tx.execute("INSERT INTO stock_movements (id, shop_id, item_id, delta_milli, reason, ref_id, created_at)"
                    + " VALUES (?, ?, ?, -1000, 'sale', ?, '2026-03-01T10:00:00Z')", UUID.randomUUID().toString(), till.shopId, localTea, order);
        });
    }

    @Test
    void a_matched_item_becomes_the_hubs_row_and_every_reference_follows_it() {
        var applied = new CatalogAnswerApplier().apply(till.db, answer());

        assertThat(applied.itemsReplaced()).isEqualTo(1);
        assertThat(till.count("SELECT count(*) FROM items WHERE id = ?", localTea)).as("the local id is gone").isZero();
        assertThat(till.count("SELECT price_cents FROM items WHERE id = ?", HUB_TEA)).as("the hub's row wins").isEqualTo(299);
        assertThat(till.db.fetchValue("SELECT name FROM items WHERE id = ?", HUB_TEA)).isEqualTo("Green tea");
        assertThat(till.count("SELECT count(*) FROM sales_order_items WHERE item_id = ?", HUB_TEA)).isEqualTo(1);
        assertThat(till.db.fetchValue("SELECT name FROM sales_order_items WHERE item_id = ?", HUB_TEA))
                .as("old sales keep their line names").isEqualTo("Tea");
        assertThat(till.count("SELECT count(*) FROM stock_movements WHERE item_id = ?", HUB_TEA)).isEqualTo(1);
        assertThat(till.count("SELECT quantity_milli FROM stock_levels WHERE item_id = ?", HUB_TEA)).isEqualTo(-1000);
        assertThat(till.count("SELECT count(*) FROM stock_levels WHERE item_id = ?", localTea)).isZero();
        assertThat(till.count("SELECT count(*) FROM sync_changes WHERE payload LIKE ?", "%" + localTea + "%"))
                .as("no queued change points at the replaced id").isZero();
        assertThat(till.count("SELECT count(*) FROM sync_changes WHERE table_name IN ('sales_order_items', 'stock_movements')"
                + " AND json_extract(payload, '$.item_id') = ?", HUB_TEA)).isEqualTo(2);
    }

    @Test
    void a_hub_row_whose_barcode_a_kept_till_item_holds_takes_the_barcode_and_the_join_goes_on() {
        // The same milk entered twice by hand: once by SKU (matches the hub's milk), once by barcode
        // without a SKU (a problem, kept). The hub's milk carries that barcode; barcodes are unique.
        String milkBySku = UUID.randomUUID().toString();
        String milkByBarcode = UUID.randomUUID().toString();
        String hubMilk = "00000000-0000-0000-0000-0000000000b2";
        item(milkBySku, "MILK-1", null, "Milk", 120);
        item(milkByBarcode, " ", "4000417025005", "Milk 1l", 120);
        Map<String, Object> hubRow = new HashMap<>(hubTea());
        hubRow.putAll(Map.of("id", hubMilk, "sku", "MILK-1", "barcode", "4000417025005", "name", "Milk"));
        JoinCatalogResponse answer = new JoinCatalogResponse(List.of(
                new JoinCatalogResponse.ItemOutcome(milkBySku, JoinCatalogResponse.MATCHED, hubMilk, hubRow, List.of()),
                new JoinCatalogResponse.ItemOutcome(milkByBarcode, JoinCatalogResponse.PROBLEM, null, null, List.of("sku_blank"))));

        new CatalogAnswerApplier().apply(till.db, answer);

        assertThat(till.db.fetchValue("SELECT barcode FROM items WHERE id = ?", hubMilk)).isEqualTo("4000417025005");
        assertThat(till.count("SELECT count(*) FROM items WHERE id = ?", milkByBarcode)).as("kept under its own id").isEqualTo(1);
        assertThat(till.db.fetchValue("SELECT barcode FROM items WHERE id = ?", milkByBarcode)).isNull();
    }

    @Test
    void a_proposed_item_stays_under_its_own_id() {
        new CatalogAnswerApplier().apply(till.db, answer());

        assertThat(till.count("SELECT price_cents FROM items WHERE id = ?", localJam)).isEqualTo(400);
        assertThat(till.count("SELECT count(*) FROM sales_order_items WHERE item_id = ?", localJam)).isEqualTo(1);
    }

    @Test
    void queued_catalog_changes_are_dropped_and_the_rest_of_the_outbox_is_numbered_without_gaps() {
        long history = till.count("SELECT count(*) FROM sync_changes WHERE table_name NOT IN ('items', 'categories', 'tax_rates', 'payment_methods')");

        var applied = new CatalogAnswerApplier().apply(till.db, answer());

        assertThat(applied.catalogChangesDropped()).as("two item inserts and a price edit").isEqualTo(3);
        assertThat(till.count("SELECT count(*) FROM sync_changes WHERE table_name IN ('items', 'categories', 'tax_rates', 'payment_methods')")).isZero();
        assertThat(till.count("SELECT count(*) FROM sync_changes")).isEqualTo(history);
        assertThat(till.count("SELECT min(seq) FROM sync_changes")).isEqualTo(1);
        assertThat(till.count("SELECT max(seq) FROM sync_changes")).isEqualTo(history);
        assertThat(till.count("SELECT count(*) FROM sync_changes WHERE table_name = 'sales_orders'"))
                .as("the catalog answer itself queues nothing").isEqualTo(1);

        till.sell(100);
        assertThat(till.count("SELECT max(seq) FROM sync_changes")).as("new changes continue the numbering").isEqualTo(history + 3);
    }

    @Test
    void applying_the_same_answer_again_after_a_crash_changes_nothing_more() {
        CatalogAnswerApplier applier = new CatalogAnswerApplier();
        applier.apply(till.db, answer());
        String before = snapshot();

        var again = applier.apply(till.db, answer());

        assertThat(again.itemsReplaced()).isZero();
        assertThat(again.catalogChangesDropped()).isZero();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_hub_row_whose_category_the_till_lacks_waits_for_the_download_to_complete_it() {
        Map<String, Object> hubRow = hubTea();
        hubRow.put("category_id", "not-here-yet");

        new CatalogAnswerApplier().apply(till.db, new JoinCatalogResponse(List.of(
                new JoinCatalogResponse.ItemOutcome(localTea, JoinCatalogResponse.MATCHED, HUB_TEA, hubRow, List.of()))));

        assertThat(till.db.fetchValue("SELECT category_id FROM items WHERE id = ?", HUB_TEA)).isNull();
        assertThat(till.db.fetchValue("SELECT last_modified_at FROM items WHERE id = ?", HUB_TEA))
                .as("older than any hub version, so the download replaces it").isEqualTo(CatalogAnswerApplier.OLDER_THAN_ANY);
    }

    String snapshot() {
        return till.db.fetch("SELECT seq, table_name, record_id, payload FROM sync_changes ORDER BY seq").formatCSV()
                + till.db.fetch("SELECT * FROM items ORDER BY id").formatCSV()
                + till.db.fetch("SELECT id, item_id FROM sales_order_items ORDER BY id").formatCSV()
                + till.db.fetch("SELECT * FROM stock_levels ORDER BY item_id").formatCSV();
    }

    JoinCatalogResponse answer() {
        return new JoinCatalogResponse(List.of(
                new JoinCatalogResponse.ItemOutcome(localTea, JoinCatalogResponse.MATCHED, HUB_TEA, hubTea(), List.of()),
                new JoinCatalogResponse.ItemOutcome(localJam, JoinCatalogResponse.PROPOSED, null, null, List.of())));
    }

    static Map<String, Object> hubTea() {
        Map<String, Object> row = new HashMap<>();
        row.put("id", HUB_TEA);
        row.put("sku", "TEA-1");
        row.put("barcode", "4006381333931");
        row.put("name", "Green tea");
        row.put("price_cents", 299);
        row.put("unit", "each");
        row.put("active", true);
        row.put("last_modified_at", "2026-02-01T00:00:00Z");
        row.put("version", 3);
        row.put("deleted", false);
        return row;
    }

    void item(String id, String sku, String barcode, String name, long cents) {
        till.db.execute("INSERT INTO items (id, sku, barcode, name, price_cents, last_modified_shop_id, last_modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, sku, barcode, name, cents, till.shopId, till.hlc());
    }

    void line(org.jooq.DSLContext tx, String orderId, int lineNo, String itemId, String name, long cents) {
        tx.execute("INSERT INTO sales_order_items (id, shop_id, order_id, line_no, item_id, name, unit_price_cents, quantity_milli,"
                + " subtotal_cents, tax_cents, total_cents) VALUES (?, ?, ?, ?, ?, ?, ?, 1000, ?, 0, ?)",
                UUID.randomUUID().toString(), till.shopId, orderId, lineNo, itemId, name, cents, cents, cents);
    }
}
