package com.lightningpos.etl.sync.testing;

import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.clock.Hlc;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A shop's own database in a temp file, written the way the till writes it (plain SQL, so the
 * capture triggers fill the outbox exactly as in production).
 */
public final class ShopFixture {

    public final String shopId;
    public final DSLContext db;
    private final Clock clock;
    private int receiptNo;
    private int counter;

    public ShopFixture(Path dir, String shopId, Clock clock) {
        this.shopId = shopId;
        this.clock = clock;
        this.db = DSL.using(SqliteDatabases.openShopSchema(dir.resolve("shop-" + shopId + ".db")), SQLDialect.SQLITE);
        db.execute("INSERT INTO shop_config (id, name, created_at) VALUES (?, 'Shop', '2026-01-01T00:00:00Z')", shopId);
    }

    /** A completed sale with one line and one cash payment: three outbox rows. Returns the order id. */
    public String sell(long cents) {
        String order = UUID.randomUUID().toString();
        receiptNo++;
        db.transaction(c -> {
            DSLContext tx = c.dsl();
            tx.execute("INSERT INTO sales_orders (id, shop_id, receipt_no, status, subtotal_cents, tax_cents, total_cents, paid_cents, created_at)"
                    + " VALUES (?, ?, ?, 'completed', ?, 0, ?, ?, '2026-01-01T10:00:00Z')", order, shopId, receiptNo, cents, cents, cents);
            tx.execute("INSERT INTO sales_order_items (id, shop_id, order_id, line_no, name, unit_price_cents, quantity_milli, subtotal_cents, tax_cents, total_cents)"
                    + " VALUES (?, ?, ?, 1, 'Bread', ?, 1000, ?, 0, ?)", UUID.randomUUID().toString(), shopId, order, cents, cents, cents);
            tx.execute("INSERT INTO sales_order_payments (id, shop_id, order_id, method, amount_cents, tendered_cents, created_at)"
                    + " VALUES (?, ?, ?, 'cash', ?, ?, '2026-01-01T10:00:00Z')", UUID.randomUUID().toString(), shopId, order, cents, cents);
        });
        return order;
    }

    /** A local catalog edit stamped with this shop's HLC. */
    public String hlc() {
        return new Hlc(clock.millis(), counter++, shopId).encode();
    }

    public void createItem(String id, String name, long cents) {
        db.execute("INSERT INTO items (id, sku, name, price_cents, last_modified_shop_id, last_modified_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, "SKU-" + id.substring(0, 8), name, cents, shopId, hlc());
    }

    public void setPrice(String id, long cents) {
        db.execute("UPDATE items SET price_cents = ?, last_modified_shop_id = ?, last_modified_at = ?, version = version + 1 WHERE id = ?",
                cents, shopId, hlc(), id);
    }

    public long price(String itemId) {
        return db.fetchValue("SELECT price_cents FROM items WHERE id = ?", itemId) instanceof Number n ? n.longValue() : -1;
    }

    public long count(String sql, Object... binds) {
        return ((Number) db.fetchValue(sql, binds)).longValue();
    }

    public long pending() {
        return count("SELECT count(*) FROM sync_changes WHERE sync_status = 'pending'");
    }
}
