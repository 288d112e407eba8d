-- Shop schema: the local database of a shop and, on the hub, the shop's cloud replica.
-- Money is integer minor units (cents), quantities are integer thousandths (milli) so that
-- weighed goods stay exact, ids are UUID text, times are ISO-8601 UTC text, and conflict
-- timestamps (last_modified_at, hlc) are Hybrid Logical Clock strings whose text order is HLC order.

-- ---------------------------------------------------------------- identity and versioning
CREATE TABLE shop_config (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    sync_url    TEXT,
    is_active   INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    enrolled_at TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE schema_version (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO schema_version (id, version, updated_at) VALUES (1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- One row that the capture triggers read. A writer sets applying_remote = 1 at the start of a
-- transaction that applies rows from the hub (or, in a replica, rows from the shop) and back to 0
-- before it commits. SQLite has a single writer, so the flag is in effect transaction-scoped:
-- no other writer can see it set, and a rollback resets it.
CREATE TABLE sync_context (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    applying_remote INTEGER NOT NULL DEFAULT 0 CHECK (applying_remote IN (0, 1)),
    hlc             TEXT
);
INSERT INTO sync_context (id, applying_remote, hlc) VALUES (1, 0, NULL);

-- ---------------------------------------------------------------- catalog (shared by all shops)
CREATE TABLE categories (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    parent_id             TEXT REFERENCES categories (id),
    sort_order            INTEGER NOT NULL DEFAULT 0,
    origin_shop_id        TEXT,
    last_modified_shop_id TEXT,
    last_modified_at      TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    deleted               INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

CREATE TABLE tax_rates (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    rate_bp               INTEGER NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 10000),
    inclusive             INTEGER NOT NULL DEFAULT 1 CHECK (inclusive IN (0, 1)),
    origin_shop_id        TEXT,
    last_modified_shop_id TEXT,
    last_modified_at      TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    deleted               INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

CREATE TABLE payment_methods (
    id                    TEXT PRIMARY KEY,
    code                  TEXT NOT NULL UNIQUE,
    name                  TEXT NOT NULL,
    kind                  TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'other')),
    active                INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    origin_shop_id        TEXT,
    last_modified_shop_id TEXT,
    last_modified_at      TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    deleted               INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

CREATE TABLE items (
    id                    TEXT PRIMARY KEY,
    sku                   TEXT NOT NULL,
    barcode               TEXT UNIQUE,
    name                  TEXT NOT NULL,
    category_id           TEXT REFERENCES categories (id),
    price_cents           INTEGER NOT NULL CHECK (price_cents >= 0),
    tax_rate_id           TEXT REFERENCES tax_rates (id),
    unit                  TEXT NOT NULL DEFAULT 'each' CHECK (unit IN ('each', 'kg')),
    active                INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    origin_shop_id        TEXT,
    last_modified_shop_id TEXT,
    last_modified_at      TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    deleted               INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX items_sku ON items (sku);
CREATE INDEX items_name ON items (name COLLATE NOCASE);

-- ---------------------------------------------------------------- shop-owned rows
CREATE TABLE cash_sessions (
    id                  TEXT PRIMARY KEY,
    shop_id             TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at           TEXT NOT NULL,
    opened_by           TEXT,
    opening_float_cents INTEGER NOT NULL CHECK (opening_float_cents >= 0),
    closed_at           TEXT,
    closed_by           TEXT,
    expected_cash_cents INTEGER,
    counted_cash_cents  INTEGER,
    difference_cents    INTEGER,
    note                TEXT
);
CREATE INDEX cash_sessions_shop_status ON cash_sessions (shop_id, status);

CREATE TABLE cash_movements (
    id              TEXT PRIMARY KEY,
    shop_id         TEXT NOT NULL,
    cash_session_id TEXT NOT NULL REFERENCES cash_sessions (id),
    kind            TEXT NOT NULL CHECK (kind IN ('in', 'out')),
    amount_cents    INTEGER NOT NULL CHECK (amount_cents > 0),
    reason          TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    created_by      TEXT
);
CREATE INDEX cash_movements_session ON cash_movements (cash_session_id);

CREATE TABLE sales_orders (
    id              TEXT PRIMARY KEY,
    shop_id         TEXT NOT NULL,
    receipt_no      INTEGER NOT NULL,
    kind            TEXT NOT NULL DEFAULT 'sale' CHECK (kind IN ('sale', 'refund')),
    status          TEXT NOT NULL CHECK (status IN ('completed', 'voided')),
    refund_of       TEXT REFERENCES sales_orders (id),
    cash_session_id TEXT,
    cashier         TEXT,
    subtotal_cents  INTEGER NOT NULL,
    discount_cents  INTEGER NOT NULL DEFAULT 0,
    tax_cents       INTEGER NOT NULL,
    total_cents     INTEGER NOT NULL,
    rounding_cents  INTEGER NOT NULL DEFAULT 0,
    paid_cents      INTEGER NOT NULL,
    change_cents    INTEGER NOT NULL DEFAULT 0,
    note            TEXT,
    created_at      TEXT NOT NULL,
    voided_at       TEXT,
    void_reason     TEXT,
    UNIQUE (shop_id, receipt_no)
);
CREATE INDEX sales_orders_shop_created ON sales_orders (shop_id, created_at);
CREATE INDEX sales_orders_refund_of ON sales_orders (refund_of);

CREATE TABLE sales_order_items (
    id               TEXT PRIMARY KEY,
    shop_id          TEXT NOT NULL,
    order_id         TEXT NOT NULL REFERENCES sales_orders (id),
    line_no          INTEGER NOT NULL,
    item_id          TEXT,
    sku              TEXT,
    barcode          TEXT,
    name             TEXT NOT NULL,
    unit_price_cents INTEGER NOT NULL,
    quantity_milli   INTEGER NOT NULL,
    tax_rate_id      TEXT,
    tax_rate_bp      INTEGER NOT NULL DEFAULT 0,
    tax_inclusive    INTEGER NOT NULL DEFAULT 1 CHECK (tax_inclusive IN (0, 1)),
    price_overridden INTEGER NOT NULL DEFAULT 0 CHECK (price_overridden IN (0, 1)),
    discount_cents   INTEGER NOT NULL DEFAULT 0,
    subtotal_cents   INTEGER NOT NULL,
    tax_cents        INTEGER NOT NULL,
    total_cents      INTEGER NOT NULL,
    refunded_line_id TEXT REFERENCES sales_order_items (id),
    UNIQUE (order_id, line_no)
);
CREATE INDEX sales_order_items_refunded_line ON sales_order_items (refunded_line_id);

CREATE TABLE sales_order_payments (
    id             TEXT PRIMARY KEY,
    shop_id        TEXT NOT NULL,
    order_id       TEXT NOT NULL REFERENCES sales_orders (id),
    method         TEXT NOT NULL,
    amount_cents   INTEGER NOT NULL,
    tendered_cents INTEGER NOT NULL,
    change_cents   INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
);
CREATE INDEX sales_order_payments_order ON sales_order_payments (order_id);

CREATE TABLE expenses (
    id              TEXT PRIMARY KEY,
    shop_id         TEXT NOT NULL,
    cash_session_id TEXT REFERENCES cash_sessions (id),
    category        TEXT NOT NULL,
    description     TEXT,
    amount_cents    INTEGER NOT NULL CHECK (amount_cents > 0),
    paid_from_till  INTEGER NOT NULL DEFAULT 1 CHECK (paid_from_till IN (0, 1)),
    created_at      TEXT NOT NULL,
    created_by      TEXT
);

CREATE TABLE stock_movements (
    id          TEXT PRIMARY KEY,
    shop_id     TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    delta_milli INTEGER NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('sale', 'refund', 'void', 'adjustment', 'receipt')),
    ref_id      TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX stock_movements_item ON stock_movements (shop_id, item_id);

-- Derived from stock_movements; not synced (the hub derives its own).
CREATE TABLE stock_levels (
    shop_id        TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    quantity_milli INTEGER NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (shop_id, item_id)
);
CREATE TRIGGER stock_levels_follow_movements AFTER INSERT ON stock_movements
BEGIN
  INSERT INTO stock_levels (shop_id, item_id, quantity_milli, updated_at)
  VALUES (NEW.shop_id, NEW.item_id, NEW.delta_milli, NEW.created_at)
  ON CONFLICT (shop_id, item_id) DO UPDATE
    SET quantity_milli = quantity_milli + excluded.quantity_milli, updated_at = excluded.updated_at;
END;

-- Taken inside the sale transaction, so receipt numbers are unique and gap-free per shop.
CREATE TABLE receipt_counters (
    shop_id TEXT PRIMARY KEY,
    last_no INTEGER NOT NULL DEFAULT 0
);

-- ---------------------------------------------------------------- sync: outbox and state
-- AUTOINCREMENT plus SQLite's single writer make seq gap-free: a rolled-back transaction also
-- rolls back its sqlite_sequence update.
CREATE TABLE sync_changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name  TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    op          TEXT NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
    payload     TEXT NOT NULL,
    hlc         TEXT,
    shop_id     TEXT,
    sync_status TEXT NOT NULL DEFAULT 'pending' CHECK (sync_status IN ('pending', 'synced', 'conflict')),
    created_at  TEXT NOT NULL,
    synced_at   TEXT
);
CREATE INDEX sync_changes_status_seq ON sync_changes (sync_status, seq);
CREATE INDEX sync_changes_record ON sync_changes (table_name, record_id);

-- One row per stream: 'sales_up' (outbox to the hub) and 'catalog_down' (hub changes to the shop).
CREATE TABLE sync_state (
    stream                  TEXT PRIMARY KEY CHECK (stream IN ('sales_up', 'catalog_down')),
    cursor                  INTEGER NOT NULL DEFAULT 0,
    last_attempt_at         TEXT,
    last_synced_at          TEXT,
    last_error              TEXT,
    required_schema_version INTEGER
);
INSERT INTO sync_state (stream, cursor) VALUES ('sales_up', 0), ('catalog_down', 0);

-- ---------------------------------------------------------------- replica-only tables
-- Used only in the hub's cloud replica of a shop; empty in a shop's own database.
CREATE TABLE replica_state (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    shop_id        TEXT NOT NULL,
    high_water_seq INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT NOT NULL
);

-- Shop changes as applied, in the shop's seq order: what the ETL extracts.
CREATE TABLE replica_inbound_log (
    seq        INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    op         TEXT NOT NULL,
    payload    TEXT NOT NULL,
    hlc        TEXT,
    applied_at TEXT NOT NULL
);

-- Hub changes waiting for the shop to pull (written by the ETL's propagator).
CREATE TABLE replica_outbound_log (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    hub_change_seq  INTEGER UNIQUE,
    table_name      TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    op              TEXT NOT NULL,
    payload         TEXT NOT NULL,
    hlc             TEXT,
    created_at      TEXT NOT NULL
);

-- Well-formed, authorised shop rows that could not be applied, kept for support staff.
CREATE TABLE replica_quarantine (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    shop_seq    INTEGER NOT NULL UNIQUE,
    table_name  TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    op          TEXT NOT NULL,
    payload     TEXT NOT NULL,
    hlc         TEXT,
    reason      TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'retried', 'discarded')),
    created_at  TEXT NOT NULL,
    settled_at  TEXT,
    settled_by  TEXT,
    settle_note TEXT
);

-- The three tender types every till understands; the same fixed ids are seeded at the hub, so
-- these rows are shared rather than duplicated. Inserted before the capture triggers exist, so
-- they never enter the outbox.
INSERT INTO payment_methods (id, code, name, kind, active, last_modified_at, version, deleted) VALUES
    ('00000000-0000-7000-8000-000000000001', 'cash',  'Cash',  'cash',  1, '000000000000000-000000-seed', 1, 0),
    ('00000000-0000-7000-8000-000000000002', 'card',  'Card',  'card',  1, '000000000000000-000000-seed', 1, 0),
    ('00000000-0000-7000-8000-000000000003', 'other', 'Other', 'other', 1, '000000000000000-000000-seed', 1, 0);

-- ---------------------------------------------------------------- change capture
CREATE TRIGGER categories_capture_insert AFTER INSERT ON categories
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('categories', NEW.id, 'INSERT', json_object('id', NEW.id, 'name', NEW.name, 'parent_id', NEW.parent_id, 'sort_order', NEW.sort_order, 'origin_shop_id', NEW.origin_shop_id, 'last_modified_shop_id', NEW.last_modified_shop_id, 'last_modified_at', NEW.last_modified_at, 'version', NEW.version, 'deleted', NEW.deleted),
          COALESCE(NEW.last_modified_at, (SELECT hlc FROM sync_context WHERE id = 1)), (SELECT id FROM shop_config LIMIT 1), 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER categories_capture_update AFTER UPDATE ON categories
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('categories', NEW.id, 'UPDATE', json_object('id', NEW.id, 'name', NEW.name, 'parent_id', NEW.parent_id, 'sort_order', NEW.sort_order, 'origin_shop_id', NEW.origin_shop_id, 'last_modified_shop_id', NEW.last_modified_shop_id, 'last_modified_at', NEW.last_modified_at, 'version', NEW.version, 'deleted', NEW.deleted),
          COALESCE(NEW.last_modified_at, (SELECT hlc FROM sync_context WHERE id = 1)), (SELECT id FROM shop_config LIMIT 1), 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER categories_capture_delete AFTER DELETE ON categories
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('categories', OLD.id, 'DELETE', json_object('id', OLD.id, 'name', OLD.name, 'parent_id', OLD.parent_id, 'sort_order', OLD.sort_order, 'origin_shop_id', OLD.origin_shop_id, 'last_modified_shop_id', OLD.last_modified_shop_id, 'last_modified_at', OLD.last_modified_at, 'version', OLD.version, 'deleted', OLD.deleted),
          COALESCE(OLD.last_modified_at, (SELECT hlc FROM sync_context WHERE id = 1)), (SELECT id FROM shop_config LIMIT 1), 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER tax_rates_capture_insert AFTER INSERT ON tax_rates
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('tax_rates', NEW.id, 'INSERT', json_object('id', NEW.id, 'name', NEW.name, 'rate_bp', NEW.rate_bp, 'inclusive', NEW.inclusive, 'origin_shop_id', NEW.origin_shop_id, 'last_modified_shop_id', NEW.last_modified_shop_id, 'last_modified_at', NEW.last_modified_at, 'version', NEW.version, 'deleted', NEW.deleted),
          COALESCE(NEW.last_modified_at, (SELECT hlc FROM sync_context WHERE id = 1)), (SELECT id FROM shop_config LIMIT 1), 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER tax_rates_capture_update AFTER UPDATE ON tax_rates
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('tax_rates', NEW.id, 'UPDATE', json_object('id', NEW.id, 'name', NEW.name, 'rate_bp', NEW.rate_bp, 'inclusive', NEW.inclusive, 'origin_shop_id', NEW.origin_shop_id, 'last_modified_shop_id', NEW.last_modified_shop_id, 'last_modified_at', NEW.last_modified_at, 'version', NEW.version, 'deleted', NEW.deleted),
          COALESCE(NEW.last_modified_at, (SELECT hlc FROM sync_context WHERE id = 1)), (SELECT id FROM shop_config LIMIT 1), 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER tax_rates_capture_delete AFTER DELETE ON tax_rates
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('tax_rates', OLD.id, 'DELETE', json_object('id', OLD.id, 'name', OLD.name, 'rate_bp', OLD.rate_bp, 'inclusive', OLD.inclusive, 'origin_shop_id', OLD.origin_shop_id, 'last_modified_shop_id', OLD.last_modified_shop_id, 'last_modified_at', OLD.last_modified_at, 'version', OLD.version, 'deleted', OLD.deleted),
          COALESCE(OLD.last_modified_at, (SELECT hlc FROM sync_context WHERE id = 1)), (SELECT id FROM shop_config LIMIT 1), 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payment_methods_capture_insert AFTER INSERT ON payment_methods
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('payment_methods', NEW.id, 'INSERT', json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'kind', NEW.kind, 'active', NEW.active, 'origin_shop_id', NEW.origin_shop_id, 'last_modified_shop_id', NEW.last_modified_shop_id, 'last_modified_at', NEW.last_modified_at, 'version', NEW.version, 'deleted', NEW.deleted),
          COALESCE(NEW.last_modified_at, (SELECT hlc FROM sync_context WHERE id = 1)), (SELECT id FROM shop_config LIMIT 1), 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payment_methods_capture_update AFTER UPDATE ON payment_methods
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('payment_methods', NEW.id, 'UPDATE', json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'kind', NEW.kind, 'active', NEW.active, 'origin_shop_id', NEW.origin_shop_id, 'last_modified_shop_id', NEW.last_modified_shop_id, 'last_modified_at', NEW.last_modified_at, 'version', NEW.version, 'deleted', NEW.deleted),
          COALESCE(NEW.last_modified_at, (SELECT hlc FROM sync_context WHERE id = 1)), (SELECT id FROM shop_config LIMIT 1), 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payment_methods_capture_delete AFTER DELETE ON payment_methods
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('payment_methods', OLD.id, 'DELETE', json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'kind', OLD.kind, 'active', OLD.active, 'origin_shop_id', OLD.origin_shop_id, 'last_modified_shop_id', OLD.last_modified_shop_id, 'last_modified_at', OLD.last_modified_at, 'version', OLD.version, 'deleted', OLD.deleted),
          COALESCE(OLD.last_modified_at, (SELECT hlc FROM sync_context WHERE id = 1)), (SELECT id FROM shop_config LIMIT 1), 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER items_capture_insert AFTER INSERT ON items
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('items', NEW.id, 'INSERT', json_object('id', NEW.id, 'sku', NEW.sku, 'barcode', NEW.barcode, 'name', NEW.name, 'category_id', NEW.category_id, 'price_cents', NEW.price_cents, 'tax_rate_id', NEW.tax_rate_id, 'unit', NEW.unit, 'active', NEW.active, 'origin_shop_id', NEW.origin_shop_id, 'last_modified_shop_id', NEW.last_modified_shop_id, 'last_modified_at', NEW.last_modified_at, 'version', NEW.version, 'deleted', NEW.deleted),
          COALESCE(NEW.last_modified_at, (SELECT hlc FROM sync_context WHERE id = 1)), (SELECT id FROM shop_config LIMIT 1), 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER items_capture_update AFTER UPDATE ON items
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('items', NEW.id, 'UPDATE', json_object('id', NEW.id, 'sku', NEW.sku, 'barcode', NEW.barcode, 'name', NEW.name, 'category_id', NEW.category_id, 'price_cents', NEW.price_cents, 'tax_rate_id', NEW.tax_rate_id, 'unit', NEW.unit, 'active', NEW.active, 'origin_shop_id', NEW.origin_shop_id, 'last_modified_shop_id', NEW.last_modified_shop_id, 'last_modified_at', NEW.last_modified_at, 'version', NEW.version, 'deleted', NEW.deleted),
          COALESCE(NEW.last_modified_at, (SELECT hlc FROM sync_context WHERE id = 1)), (SELECT id FROM shop_config LIMIT 1), 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER items_capture_delete AFTER DELETE ON items
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('items', OLD.id, 'DELETE', json_object('id', OLD.id, 'sku', OLD.sku, 'barcode', OLD.barcode, 'name', OLD.name, 'category_id', OLD.category_id, 'price_cents', OLD.price_cents, 'tax_rate_id', OLD.tax_rate_id, 'unit', OLD.unit, 'active', OLD.active, 'origin_shop_id', OLD.origin_shop_id, 'last_modified_shop_id', OLD.last_modified_shop_id, 'last_modified_at', OLD.last_modified_at, 'version', OLD.version, 'deleted', OLD.deleted),
          COALESCE(OLD.last_modified_at, (SELECT hlc FROM sync_context WHERE id = 1)), (SELECT id FROM shop_config LIMIT 1), 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER cash_sessions_capture_insert AFTER INSERT ON cash_sessions
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('cash_sessions', NEW.id, 'INSERT', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'status', NEW.status, 'opened_at', NEW.opened_at, 'opened_by', NEW.opened_by, 'opening_float_cents', NEW.opening_float_cents, 'closed_at', NEW.closed_at, 'closed_by', NEW.closed_by, 'expected_cash_cents', NEW.expected_cash_cents, 'counted_cash_cents', NEW.counted_cash_cents, 'difference_cents', NEW.difference_cents, 'note', NEW.note),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER cash_sessions_capture_update AFTER UPDATE ON cash_sessions
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('cash_sessions', NEW.id, 'UPDATE', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'status', NEW.status, 'opened_at', NEW.opened_at, 'opened_by', NEW.opened_by, 'opening_float_cents', NEW.opening_float_cents, 'closed_at', NEW.closed_at, 'closed_by', NEW.closed_by, 'expected_cash_cents', NEW.expected_cash_cents, 'counted_cash_cents', NEW.counted_cash_cents, 'difference_cents', NEW.difference_cents, 'note', NEW.note),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER cash_sessions_capture_delete AFTER DELETE ON cash_sessions
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('cash_sessions', OLD.id, 'DELETE', json_object('id', OLD.id, 'shop_id', OLD.shop_id, 'status', OLD.status, 'opened_at', OLD.opened_at, 'opened_by', OLD.opened_by, 'opening_float_cents', OLD.opening_float_cents, 'closed_at', OLD.closed_at, 'closed_by', OLD.closed_by, 'expected_cash_cents', OLD.expected_cash_cents, 'counted_cash_cents', OLD.counted_cash_cents, 'difference_cents', OLD.difference_cents, 'note', OLD.note),
          (SELECT hlc FROM sync_context WHERE id = 1), OLD.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER cash_movements_capture_insert AFTER INSERT ON cash_movements
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('cash_movements', NEW.id, 'INSERT', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'cash_session_id', NEW.cash_session_id, 'kind', NEW.kind, 'amount_cents', NEW.amount_cents, 'reason', NEW.reason, 'created_at', NEW.created_at, 'created_by', NEW.created_by),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER cash_movements_capture_update AFTER UPDATE ON cash_movements
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('cash_movements', NEW.id, 'UPDATE', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'cash_session_id', NEW.cash_session_id, 'kind', NEW.kind, 'amount_cents', NEW.amount_cents, 'reason', NEW.reason, 'created_at', NEW.created_at, 'created_by', NEW.created_by),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER cash_movements_capture_delete AFTER DELETE ON cash_movements
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('cash_movements', OLD.id, 'DELETE', json_object('id', OLD.id, 'shop_id', OLD.shop_id, 'cash_session_id', OLD.cash_session_id, 'kind', OLD.kind, 'amount_cents', OLD.amount_cents, 'reason', OLD.reason, 'created_at', OLD.created_at, 'created_by', OLD.created_by),
          (SELECT hlc FROM sync_context WHERE id = 1), OLD.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER sales_orders_capture_insert AFTER INSERT ON sales_orders
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('sales_orders', NEW.id, 'INSERT', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'receipt_no', NEW.receipt_no, 'kind', NEW.kind, 'status', NEW.status, 'refund_of', NEW.refund_of, 'cash_session_id', NEW.cash_session_id, 'cashier', NEW.cashier, 'subtotal_cents', NEW.subtotal_cents, 'discount_cents', NEW.discount_cents, 'tax_cents', NEW.tax_cents, 'total_cents', NEW.total_cents, 'rounding_cents', NEW.rounding_cents, 'paid_cents', NEW.paid_cents, 'change_cents', NEW.change_cents, 'note', NEW.note, 'created_at', NEW.created_at, 'voided_at', NEW.voided_at, 'void_reason', NEW.void_reason),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER sales_orders_capture_update AFTER UPDATE ON sales_orders
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('sales_orders', NEW.id, 'UPDATE', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'receipt_no', NEW.receipt_no, 'kind', NEW.kind, 'status', NEW.status, 'refund_of', NEW.refund_of, 'cash_session_id', NEW.cash_session_id, 'cashier', NEW.cashier, 'subtotal_cents', NEW.subtotal_cents, 'discount_cents', NEW.discount_cents, 'tax_cents', NEW.tax_cents, 'total_cents', NEW.total_cents, 'rounding_cents', NEW.rounding_cents, 'paid_cents', NEW.paid_cents, 'change_cents', NEW.change_cents, 'note', NEW.note, 'created_at', NEW.created_at, 'voided_at', NEW.voided_at, 'void_reason', NEW.void_reason),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER sales_orders_capture_delete AFTER DELETE ON sales_orders
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('sales_orders', OLD.id, 'DELETE', json_object('id', OLD.id, 'shop_id', OLD.shop_id, 'receipt_no', OLD.receipt_no, 'kind', OLD.kind, 'status', OLD.status, 'refund_of', OLD.refund_of, 'cash_session_id', OLD.cash_session_id, 'cashier', OLD.cashier, 'subtotal_cents', OLD.subtotal_cents, 'discount_cents', OLD.discount_cents, 'tax_cents', OLD.tax_cents, 'total_cents', OLD.total_cents, 'rounding_cents', OLD.rounding_cents, 'paid_cents', OLD.paid_cents, 'change_cents', OLD.change_cents, 'note', OLD.note, 'created_at', OLD.created_at, 'voided_at', OLD.voided_at, 'void_reason', OLD.void_reason),
          (SELECT hlc FROM sync_context WHERE id = 1), OLD.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER sales_order_items_capture_insert AFTER INSERT ON sales_order_items
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('sales_order_items', NEW.id, 'INSERT', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'order_id', NEW.order_id, 'line_no', NEW.line_no, 'item_id', NEW.item_id, 'sku', NEW.sku, 'barcode', NEW.barcode, 'name', NEW.name, 'unit_price_cents', NEW.unit_price_cents, 'quantity_milli', NEW.quantity_milli, 'tax_rate_id', NEW.tax_rate_id, 'tax_rate_bp', NEW.tax_rate_bp, 'tax_inclusive', NEW.tax_inclusive, 'price_overridden', NEW.price_overridden, 'discount_cents', NEW.discount_cents, 'subtotal_cents', NEW.subtotal_cents, 'tax_cents', NEW.tax_cents, 'total_cents', NEW.total_cents, 'refunded_line_id', NEW.refunded_line_id),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER sales_order_items_capture_update AFTER UPDATE ON sales_order_items
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('sales_order_items', NEW.id, 'UPDATE', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'order_id', NEW.order_id, 'line_no', NEW.line_no, 'item_id', NEW.item_id, 'sku', NEW.sku, 'barcode', NEW.barcode, 'name', NEW.name, 'unit_price_cents', NEW.unit_price_cents, 'quantity_milli', NEW.quantity_milli, 'tax_rate_id', NEW.tax_rate_id, 'tax_rate_bp', NEW.tax_rate_bp, 'tax_inclusive', NEW.tax_inclusive, 'price_overridden', NEW.price_overridden, 'discount_cents', NEW.discount_cents, 'subtotal_cents', NEW.subtotal_cents, 'tax_cents', NEW.tax_cents, 'total_cents', NEW.total_cents, 'refunded_line_id', NEW.refunded_line_id),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER sales_order_items_capture_delete AFTER DELETE ON sales_order_items
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('sales_order_items', OLD.id, 'DELETE', json_object('id', OLD.id, 'shop_id', OLD.shop_id, 'order_id', OLD.order_id, 'line_no', OLD.line_no, 'item_id', OLD.item_id, 'sku', OLD.sku, 'barcode', OLD.barcode, 'name', OLD.name, 'unit_price_cents', OLD.unit_price_cents, 'quantity_milli', OLD.quantity_milli, 'tax_rate_id', OLD.tax_rate_id, 'tax_rate_bp', OLD.tax_rate_bp, 'tax_inclusive', OLD.tax_inclusive, 'price_overridden', OLD.price_overridden, 'discount_cents', OLD.discount_cents, 'subtotal_cents', OLD.subtotal_cents, 'tax_cents', OLD.tax_cents, 'total_cents', OLD.total_cents, 'refunded_line_id', OLD.refunded_line_id),
          (SELECT hlc FROM sync_context WHERE id = 1), OLD.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER sales_order_payments_capture_insert AFTER INSERT ON sales_order_payments
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('sales_order_payments', NEW.id, 'INSERT', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'order_id', NEW.order_id, 'method', NEW.method, 'amount_cents', NEW.amount_cents, 'tendered_cents', NEW.tendered_cents, 'change_cents', NEW.change_cents, 'created_at', NEW.created_at),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER sales_order_payments_capture_update AFTER UPDATE ON sales_order_payments
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('sales_order_payments', NEW.id, 'UPDATE', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'order_id', NEW.order_id, 'method', NEW.method, 'amount_cents', NEW.amount_cents, 'tendered_cents', NEW.tendered_cents, 'change_cents', NEW.change_cents, 'created_at', NEW.created_at),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER sales_order_payments_capture_delete AFTER DELETE ON sales_order_payments
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('sales_order_payments', OLD.id, 'DELETE', json_object('id', OLD.id, 'shop_id', OLD.shop_id, 'order_id', OLD.order_id, 'method', OLD.method, 'amount_cents', OLD.amount_cents, 'tendered_cents', OLD.tendered_cents, 'change_cents', OLD.change_cents, 'created_at', OLD.created_at),
          (SELECT hlc FROM sync_context WHERE id = 1), OLD.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER expenses_capture_insert AFTER INSERT ON expenses
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('expenses', NEW.id, 'INSERT', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'cash_session_id', NEW.cash_session_id, 'category', NEW.category, 'description', NEW.description, 'amount_cents', NEW.amount_cents, 'paid_from_till', NEW.paid_from_till, 'created_at', NEW.created_at, 'created_by', NEW.created_by),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER expenses_capture_update AFTER UPDATE ON expenses
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('expenses', NEW.id, 'UPDATE', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'cash_session_id', NEW.cash_session_id, 'category', NEW.category, 'description', NEW.description, 'amount_cents', NEW.amount_cents, 'paid_from_till', NEW.paid_from_till, 'created_at', NEW.created_at, 'created_by', NEW.created_by),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER expenses_capture_delete AFTER DELETE ON expenses
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('expenses', OLD.id, 'DELETE', json_object('id', OLD.id, 'shop_id', OLD.shop_id, 'cash_session_id', OLD.cash_session_id, 'category', OLD.category, 'description', OLD.description, 'amount_cents', OLD.amount_cents, 'paid_from_till', OLD.paid_from_till, 'created_at', OLD.created_at, 'created_by', OLD.created_by),
          (SELECT hlc FROM sync_context WHERE id = 1), OLD.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER stock_movements_capture_insert AFTER INSERT ON stock_movements
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('stock_movements', NEW.id, 'INSERT', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'item_id', NEW.item_id, 'delta_milli', NEW.delta_milli, 'reason', NEW.reason, 'ref_id', NEW.ref_id, 'created_at', NEW.created_at),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER stock_movements_capture_update AFTER UPDATE ON stock_movements
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('stock_movements', NEW.id, 'UPDATE', json_object('id', NEW.id, 'shop_id', NEW.shop_id, 'item_id', NEW.item_id, 'delta_milli', NEW.delta_milli, 'reason', NEW.reason, 'ref_id', NEW.ref_id, 'created_at', NEW.created_at),
          (SELECT hlc FROM sync_context WHERE id = 1), NEW.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER stock_movements_capture_delete AFTER DELETE ON stock_movements
WHEN (SELECT applying_remote FROM sync_context WHERE id = 1) = 0
BEGIN
  INSERT INTO sync_changes (table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at)
  VALUES ('stock_movements', OLD.id, 'DELETE', json_object('id', OLD.id, 'shop_id', OLD.shop_id, 'item_id', OLD.item_id, 'delta_milli', OLD.delta_milli, 'reason', OLD.reason, 'ref_id', OLD.ref_id, 'created_at', OLD.created_at),
          (SELECT hlc FROM sync_context WHERE id = 1), OLD.shop_id, 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

