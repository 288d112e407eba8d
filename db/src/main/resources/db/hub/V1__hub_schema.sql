-- Hub schema (PostgreSQL): the source of truth for all shops.
-- Money in integer cents, quantities in thousandths, ids uuid, times timestamptz (UTC),
-- conflict timestamps as HLC text (text order is HLC order).

CREATE TABLE schema_version (
    id         integer PRIMARY KEY CHECK (id = 1),
    version    integer NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO schema_version (id, version) VALUES (1, 1);

-- Single-row settings: the shop schema version shops must run to download the catalog, and the
-- oldest version whose uploads are still accepted (so a till awaiting an update keeps uploading).
CREATE TABLE hub_settings (
    id                           integer PRIMARY KEY CHECK (id = 1),
    required_shop_schema_version integer NOT NULL,
    min_upload_schema_version    integer NOT NULL,
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    updated_by                   text
);
INSERT INTO hub_settings (id, required_shop_schema_version, min_upload_schema_version) VALUES (1, 1, 1);

-- ---------------------------------------------------------------- shops and people
CREATE TABLE shops (
    id                    uuid PRIMARY KEY,
    name                  text NOT NULL,
    sync_url              text,
    is_active             boolean NOT NULL DEFAULT true,
    secret_hash           text,
    enrolment_code_hash   text,
    enrolment_expires_at  timestamptz,
    schema_version        integer,
    canary                boolean NOT NULL DEFAULT false,
    created_at            timestamptz NOT NULL DEFAULT now(),
    enrolled_at           timestamptz,
    last_seen_at          timestamptz,
    last_push_at          timestamptz
);
CREATE INDEX shops_name ON shops (lower(name));

CREATE TABLE console_users (
    username      text PRIMARY KEY,
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('HEAD_OFFICE', 'SUPPORT')),
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    username   text NOT NULL,
    action     text NOT NULL,
    target     text,
    details    text
);
CREATE INDEX audit_log_at ON audit_log (at DESC);

-- ---------------------------------------------------------------- catalog (source of truth)
CREATE TABLE categories (
    id                    uuid PRIMARY KEY,
    name                  text NOT NULL,
    parent_id             uuid REFERENCES categories (id),
    sort_order            integer NOT NULL DEFAULT 0,
    origin_shop_id        uuid,
    last_modified_shop_id uuid,
    last_modified_at      text NOT NULL,
    version               integer NOT NULL DEFAULT 1,
    deleted               boolean NOT NULL DEFAULT false
);

CREATE TABLE tax_rates (
    id                    uuid PRIMARY KEY,
    name                  text NOT NULL,
    rate_bp               integer NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
    inclusive             boolean NOT NULL DEFAULT true,
    origin_shop_id        uuid,
    last_modified_shop_id uuid,
    last_modified_at      text NOT NULL,
    version               integer NOT NULL DEFAULT 1,
    deleted               boolean NOT NULL DEFAULT false
);

CREATE TABLE payment_methods (
    id                    uuid PRIMARY KEY,
    code                  text NOT NULL UNIQUE,
    name                  text NOT NULL,
    kind                  text NOT NULL CHECK (kind IN ('cash', 'card', 'other')),
    active                boolean NOT NULL DEFAULT true,
    origin_shop_id        uuid,
    last_modified_shop_id uuid,
    last_modified_at      text NOT NULL,
    version               integer NOT NULL DEFAULT 1,
    deleted               boolean NOT NULL DEFAULT false
);

CREATE TABLE items (
    id                    uuid PRIMARY KEY,
    sku                   text NOT NULL,
    barcode               text UNIQUE,
    name                  text NOT NULL,
    category_id           uuid REFERENCES categories (id),
    price_cents           bigint NOT NULL CHECK (price_cents >= 0),
    tax_rate_id           uuid REFERENCES tax_rates (id),
    unit                  text NOT NULL DEFAULT 'each' CHECK (unit IN ('each', 'kg')),
    active                boolean NOT NULL DEFAULT true,
    origin_shop_id        uuid,
    last_modified_shop_id uuid,
    last_modified_at      text NOT NULL,
    version               integer NOT NULL DEFAULT 1,
    deleted               boolean NOT NULL DEFAULT false
);
CREATE INDEX items_sku ON items (sku);
CREATE INDEX items_lower_name ON items (lower(name) text_pattern_ops);
CREATE INDEX items_barcode_prefix ON items (barcode text_pattern_ops);

-- Every accepted catalog change gets a hub-wide sequence; the propagator delivers it to every
-- shop but its origin.
CREATE TABLE catalog_changes (
    seq            bigserial PRIMARY KEY,
    table_name     text NOT NULL,
    record_id      uuid NOT NULL,
    op             text NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
    payload        jsonb NOT NULL,
    hlc            text NOT NULL,
    origin_shop_id uuid,
    changed_by     text,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalog_changes_record ON catalog_changes (table_name, record_id);

CREATE TABLE shop_propagation_cursors (
    shop_id    uuid PRIMARY KEY REFERENCES shops (id),
    last_seq   bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- sales (shop-owned, loaded by the ETL)
CREATE TABLE cash_sessions (
    id                  uuid PRIMARY KEY,
    shop_id             uuid NOT NULL REFERENCES shops (id),
    status              text NOT NULL,
    opened_at           timestamptz NOT NULL,
    opened_by           text,
    opening_float_cents bigint NOT NULL,
    closed_at           timestamptz,
    closed_by           text,
    expected_cash_cents bigint,
    counted_cash_cents  bigint,
    difference_cents    bigint,
    note                text
);
CREATE INDEX cash_sessions_shop ON cash_sessions (shop_id, opened_at);

CREATE TABLE cash_movements (
    id              uuid PRIMARY KEY,
    shop_id         uuid NOT NULL REFERENCES shops (id),
    cash_session_id uuid NOT NULL,
    kind            text NOT NULL,
    amount_cents    bigint NOT NULL,
    reason          text NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text
);
CREATE INDEX cash_movements_shop ON cash_movements (shop_id, created_at);

CREATE TABLE sales_orders (
    id              uuid PRIMARY KEY,
    shop_id         uuid NOT NULL REFERENCES shops (id),
    receipt_no      bigint NOT NULL,
    kind            text NOT NULL,
    status          text NOT NULL,
    refund_of       uuid,
    cash_session_id uuid,
    cashier         text,
    subtotal_cents  bigint NOT NULL,
    discount_cents  bigint NOT NULL,
    tax_cents       bigint NOT NULL,
    total_cents     bigint NOT NULL,
    rounding_cents  bigint NOT NULL,
    paid_cents      bigint NOT NULL,
    change_cents    bigint NOT NULL,
    note            text,
    created_at      timestamptz NOT NULL,
    voided_at       timestamptz,
    void_reason     text,
    loaded_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (shop_id, receipt_no)
);
CREATE INDEX sales_orders_created ON sales_orders (created_at);
CREATE INDEX sales_orders_shop_created ON sales_orders (shop_id, created_at);

CREATE TABLE sales_order_items (
    id               uuid PRIMARY KEY,
    shop_id          uuid NOT NULL REFERENCES shops (id),
    order_id         uuid NOT NULL,
    line_no          integer NOT NULL,
    item_id          uuid,
    sku              text,
    barcode          text,
    name             text NOT NULL,
    unit_price_cents bigint NOT NULL,
    quantity_milli   bigint NOT NULL,
    tax_rate_id      uuid,
    tax_rate_bp      integer NOT NULL,
    tax_inclusive    boolean NOT NULL,
    price_overridden boolean NOT NULL,
    discount_cents   bigint NOT NULL,
    subtotal_cents   bigint NOT NULL,
    tax_cents        bigint NOT NULL,
    total_cents      bigint NOT NULL,
    refunded_line_id uuid
);
CREATE INDEX sales_order_items_order ON sales_order_items (order_id);

CREATE TABLE sales_order_payments (
    id             uuid PRIMARY KEY,
    shop_id        uuid NOT NULL REFERENCES shops (id),
    order_id       uuid NOT NULL,
    method         text NOT NULL,
    amount_cents   bigint NOT NULL,
    tendered_cents bigint NOT NULL,
    change_cents   bigint NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX sales_order_payments_order ON sales_order_payments (order_id);

CREATE TABLE expenses (
    id              uuid PRIMARY KEY,
    shop_id         uuid NOT NULL REFERENCES shops (id),
    cash_session_id uuid,
    category        text NOT NULL,
    description     text,
    amount_cents    bigint NOT NULL,
    paid_from_till  boolean NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text
);
CREATE INDEX expenses_shop_created ON expenses (shop_id, created_at);

CREATE TABLE stock_movements (
    id          uuid PRIMARY KEY,
    shop_id     uuid NOT NULL REFERENCES shops (id),
    item_id     uuid NOT NULL,
    delta_milli bigint NOT NULL,
    reason      text NOT NULL,
    ref_id      uuid,
    created_at  timestamptz NOT NULL
);
CREATE INDEX stock_movements_shop_item ON stock_movements (shop_id, item_id);

-- ---------------------------------------------------------------- ETL bookkeeping
-- One row per shop: the ETL cursor into the shop replica's inbound log, and the row that a worker
-- locks (FOR UPDATE SKIP LOCKED) to claim the shop's job, so instances share work without a
-- coordinator of their own.
CREATE TABLE etl_jobs (
    shop_id              uuid PRIMARY KEY REFERENCES shops (id),
    inbound_cursor       bigint NOT NULL DEFAULT 0,
    wake_requested_at    timestamptz,
    last_run_at          timestamptz,
    last_success_at      timestamptz,
    consecutive_failures integer NOT NULL DEFAULT 0,
    put_aside_until      timestamptz,
    last_error           text
);

CREATE TABLE sync_runs (
    id            bigserial PRIMARY KEY,
    shop_id       uuid NOT NULL REFERENCES shops (id),
    kind          text NOT NULL CHECK (kind IN ('etl', 'push', 'pull', 'propagate')),
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz NOT NULL,
    rows_done     integer NOT NULL DEFAULT 0,
    rows_waiting  bigint,
    oldest_waiting_at timestamptz,
    ok            boolean NOT NULL,
    error         text,
    worker        text
);
CREATE INDEX sync_runs_shop_started ON sync_runs (shop_id, started_at DESC);
CREATE INDEX sync_runs_started ON sync_runs (started_at);

CREATE TABLE sync_conflicts (
    id             bigserial PRIMARY KEY,
    shop_id        uuid NOT NULL REFERENCES shops (id),
    table_name     text NOT NULL,
    record_id      uuid NOT NULL,
    shop_version   jsonb NOT NULL,
    hub_version    jsonb NOT NULL,
    shop_hlc       text,
    hub_hlc        text,
    rule           text NOT NULL,
    winner         text NOT NULL CHECK (winner IN ('hub', 'shop', 'merged')),
    status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'settled')),
    resolution     text,
    settled_by     text,
    settled_at     timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_conflicts_status_created ON sync_conflicts (status, created_at);
CREATE INDEX sync_conflicts_shop ON sync_conflicts (shop_id, created_at);

-- The three tender types every till understands; shops seed the same fixed ids.
INSERT INTO payment_methods (id, code, name, kind, active, last_modified_at, version, deleted) VALUES
    ('00000000-0000-7000-8000-000000000001', 'cash',  'Cash',  'cash',  true, '000000000000000-000000-seed', 1, false),
    ('00000000-0000-7000-8000-000000000002', 'card',  'Card',  'card',  true, '000000000000000-000000-seed', 1, false),
    ('00000000-0000-7000-8000-000000000003', 'other', 'Other', 'other', true, '000000000000000-000000-seed', 1, false);
