package com.lightningpos.etl.change;

import com.lightningpos.db.shop.Tables;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Table;

/**
 * The tables that travel between the tiers, and which way. Catalog tables flow hub → every shop
 * and shop → hub → every other shop; shop-owned tables flow shop → hub only and every row carries
 * its shop's id. The order is a safe apply order (referenced tables first).
 */
public enum SyncedTable {
    CATEGORIES(Tables.CATEGORIES, Direction.CATALOG),
    TAX_RATES(Tables.TAX_RATES, Direction.CATALOG),
    PAYMENT_METHODS(Tables.PAYMENT_METHODS, Direction.CATALOG),
    ITEMS(Tables.ITEMS, Direction.CATALOG),
    CASH_SESSIONS(Tables.CASH_SESSIONS, Direction.SHOP_OWNED),
    CASH_MOVEMENTS(Tables.CASH_MOVEMENTS, Direction.SHOP_OWNED),
    SALES_ORDERS(Tables.SALES_ORDERS, Direction.SHOP_OWNED),
    SALES_ORDER_ITEMS(Tables.SALES_ORDER_ITEMS, Direction.SHOP_OWNED),
    SALES_ORDER_PAYMENTS(Tables.SALES_ORDER_PAYMENTS, Direction.SHOP_OWNED),
    EXPENSES(Tables.EXPENSES, Direction.SHOP_OWNED),
    STOCK_MOVEMENTS(Tables.STOCK_MOVEMENTS, Direction.SHOP_OWNED);

    /** Which way a table's rows travel. */
    public enum Direction { CATALOG, SHOP_OWNED }

    private final Table<?> shopTable;
    private final Direction direction;

    SyncedTable(Table<?> shopTable, Direction direction) {
        this.shopTable = shopTable;
        this.direction = direction;
    }

    /** The table in the shop schema (a shop's database and its hub replica). */
    public Table<?> shopTable() {
        return shopTable;
    }

    public String tableName() {
        return shopTable.getName();
    }

    public Direction direction() {
        return direction;
    }

    public boolean isCatalog() {
        return direction == Direction.CATALOG;
    }

    public static Optional<SyncedTable> byName(String tableName) {
        return Arrays.stream(values()).filter(t -> t.tableName().equals(tableName)).findFirst();
    }

    public static List<SyncedTable> catalog() {
        return Arrays.stream(values()).filter(SyncedTable::isCatalog).toList();
    }

    public static List<SyncedTable> shopOwned() {
        return Arrays.stream(values()).filter(t -> !t.isCatalog()).toList();
    }
}
