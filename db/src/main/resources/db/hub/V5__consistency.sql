-- Three-tier consistency check (shop database, its hub replica, PostgreSQL).

-- The latest consistency report a shop's till sent (taken when its outbox was drained):
-- per table {rows, checksum}, at the high-water sequence the till had pushed.
CREATE TABLE shop_consistency_reports (
    shop_id        uuid PRIMARY KEY REFERENCES shops (id),
    reported_at    timestamptz NOT NULL DEFAULT now(),
    high_water_seq bigint NOT NULL,
    tables         jsonb NOT NULL
);

-- The latest result per shop and table of the hub's check. Alerts read "WHERE differs".
-- A tier that could not be read (no shop report yet, stale report, replica missing) has null
-- rows/checksum and a note; stale or missing is not a difference.
CREATE TABLE consistency_results (
    shop_id          uuid NOT NULL REFERENCES shops (id),
    table_name       text NOT NULL,
    checked_at       timestamptz NOT NULL DEFAULT now(),
    shop_rows        bigint,
    shop_checksum    text,
    replica_rows     bigint,
    replica_checksum text,
    hub_rows         bigint,
    hub_checksum     text,
    differs          boolean NOT NULL DEFAULT false,
    note             text,
    PRIMARY KEY (shop_id, table_name)
);
CREATE INDEX consistency_results_differs ON consistency_results (shop_id) WHERE differs;

UPDATE schema_version SET version = 5, updated_at = now() WHERE id = 1;
