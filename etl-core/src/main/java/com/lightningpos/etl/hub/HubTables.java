package com.lightningpos.etl.hub;

import com.lightningpos.db.hub.Public;
import com.lightningpos.etl.change.SyncedTable;
import org.jooq.Field;
import org.jooq.Table;

/** The hub (PostgreSQL) counterpart of each synced shop-schema table: same name, typed columns. */
public final class HubTables {

    private HubTables() {
    }

    public static Table<?> of(SyncedTable table) {
        Table<?> hub = Public.PUBLIC.getTable(table.tableName());
        if (hub == null) {
            throw new IllegalStateException("The hub schema has no table " + table.tableName());
        }
        return hub;
    }

    @SuppressWarnings("unchecked")
    public static <T> Field<T> field(Table<?> table, String name, Class<T> type) {
        Field<?> field = table.field(name);
        if (field == null) {
            throw new IllegalStateException(table.getName() + " has no column " + name);
        }
        return (Field<T>) field;
    }
}
