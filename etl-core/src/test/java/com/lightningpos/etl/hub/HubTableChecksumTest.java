package com.lightningpos.etl.hub;

import static com.lightningpos.db.hub.Tables.SALES_ORDERS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.change.TableChecksum;
import com.lightningpos.etl.testing.HubTestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same rows in a shop's SQLite and in PostgreSQL give the same counts and checksums. */
class HubTableChecksumTest {

    @TempDir
    Path dir;

    private HikariDataSource hubDataSource;
    private DSLContext hub;
    private DSLContext shop;
    private final UUID shopId = UUID.randomUUID();
    private final UUID otherShop = UUID.randomUUID();

    @BeforeEach
    void open() {
        hubDataSource = HubTestDatabase.freshDatabase();
        hub = HubTestDatabase.dsl(hubDataSource);
        hub.insertInto(SHOPS).set(SHOPS.ID, shopId).set(SHOPS.NAME, "Checksum shop").execute();
        hub.insertInto(SHOPS).set(SHOPS.ID, otherShop).set(SHOPS.NAME, "Other shop").execute();
        shop = DSL.using(SqliteDatabases.openShopSchema(dir.resolve("shop.db")), SQLDialect.SQLITE);
    }

    @AfterEach
    void close() {
        hubDataSource.close();
    }

    @Test
    void a_sale_and_a_catalog_row_checksum_the_same_in_sqlite_and_postgresql() {
        String category = UUID.randomUUID().toString();
        both(SyncedTable.CATEGORIES, category, Map.of("name", "Drinks", "sort_order", 3, "origin_shop_id", shopId.toString(),
                "last_modified_shop_id", shopId.toString(), "last_modified_at", "0001764000000000-0000-" + shopId,
                "version", 2, "deleted", 0));
        String order = UUID.randomUUID().toString();
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("shop_id", shopId.toString());
        sale.put("receipt_no", 7);
        sale.put("kind", "sale");
        sale.put("status", "voided");
        sale.put("cashier", "ana");
        sale.put("subtotal_cents", 1234);
        sale.put("discount_cents", 0);
        sale.put("tax_cents", 206);
        sale.put("total_cents", 1234);
        sale.put("rounding_cents", 1);
        sale.put("paid_cents", 1300);
        sale.put("change_cents", 66);
        sale.put("note", "naïve café – 5 € \"quoted\"");
        sale.put("created_at", "2026-11-25T10:15:30.120Z");
        sale.put("voided_at", "2026-11-25T10:16:00.000Z");
        sale.put("void_reason", null);
        both(SyncedTable.SALES_ORDERS, order, sale);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("shop_id", shopId.toString());
        line.put("order_id", order);
        line.put("line_no", 1);
        line.put("name", "Cola");
        line.put("unit_price_cents", 1234);
        line.put("quantity_milli", 1000);
        line.put("tax_rate_bp", 2000);
        line.put("tax_inclusive", 1);
        line.put("price_overridden", 0);
        line.put("discount_cents", 0);
        line.put("subtotal_cents", 1234);
        line.put("tax_cents", 206);
        line.put("total_cents", 1234);
        both(SyncedTable.SALES_ORDER_ITEMS, UUID.randomUUID().toString(), line);
        // another shop's sale is in PostgreSQL only: it is not this shop's
        Map<String, Object> othersSale = new LinkedHashMap<>(sale);
        othersSale.put("shop_id", otherShop.toString());
        hubOnly(SyncedTable.SALES_ORDERS, UUID.randomUUID().toString(), othersSale);

        for (SyncedTable table : SyncedTable.values()) {
            assertThat(HubTableChecksum.of(hub, table, shopId)).as(table.tableName()).isEqualTo(TableChecksum.of(shop, table));
        }
        for (SyncedTable table : SyncedTable.shopOwned()) {
            assertThat(HubTableChecksum.byShop(hub, table).getOrDefault(shopId, HubTableChecksum.empty(table)))
                    .as("all shops at once: " + table.tableName()).isEqualTo(TableChecksum.of(shop, table));
        }
        assertThat(HubTableChecksum.byShop(hub, SyncedTable.SALES_ORDERS).get(otherShop).rows()).isEqualTo(1);
        assertThat(TableChecksum.of(shop, SyncedTable.SALES_ORDERS).rows()).isEqualTo(1);
        assertThat(TableChecksum.of(shop, SyncedTable.CATEGORIES).rows()).isEqualTo(1);
    }

    @Test
    void one_changed_value_in_postgresql_changes_the_checksum_but_not_the_count() {
        String order = UUID.randomUUID().toString();
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("shop_id", shopId.toString());
        sale.put("receipt_no", 1);
        sale.put("kind", "sale");
        sale.put("status", "completed");
        sale.put("subtotal_cents", 500);
        sale.put("discount_cents", 0);
        sale.put("tax_cents", 0);
        sale.put("total_cents", 500);
        sale.put("rounding_cents", 0);
        sale.put("paid_cents", 500);
        sale.put("change_cents", 0);
        sale.put("created_at", "2026-11-25T10:15:30.000Z");
        both(SyncedTable.SALES_ORDERS, order, sale);
        assertThat(HubTableChecksum.of(hub, SyncedTable.SALES_ORDERS, shopId)).isEqualTo(TableChecksum.of(shop, SyncedTable.SALES_ORDERS));

        hub.update(SALES_ORDERS).set(SALES_ORDERS.TOTAL_CENTS, 501L).where(SALES_ORDERS.ID.eq(UUID.fromString(order))).execute();

        var inHub = HubTableChecksum.of(hub, SyncedTable.SALES_ORDERS, shopId);
        var inShop = TableChecksum.of(shop, SyncedTable.SALES_ORDERS);
        assertThat(inHub.rows()).isEqualTo(inShop.rows());
        assertThat(inHub.checksum()).isNotEqualTo(inShop.checksum());
    }

    /** The whole row (a till's triggers send every column) as a till writes it (and a replica applies it) and as the ETL loads it into PostgreSQL. */
    private void both(SyncedTable table, String id, Map<String, Object> values) {
        Map<String, Object> wire = new LinkedHashMap<>(values);
        wire.put("id", id);
        new RowApplier().apply(shop, table, ChangeOp.INSERT, id, wire);
        hubOnly(table, id, values);
    }

    private void hubOnly(SyncedTable table, String id, Map<String, Object> values) {
        Map<String, Object> wire = new LinkedHashMap<>(values);
        wire.put("id", id);
        var hubTable = HubTables.of(table);
        hub.insertInto(hubTable).set(WireValues.toHub(hubTable, wire)).execute();
    }
}
