-- The ETL reads a replica's inbound log by its own append order (etl_seq), not by the shop's seq:
-- a quarantined row that support retries later is appended with the next etl_seq, so the ETL,
-- whose cursor has long passed the row's shop seq, still loads it.
ALTER TABLE replica_inbound_log ADD COLUMN etl_seq INTEGER;
UPDATE replica_inbound_log SET etl_seq = seq;
CREATE UNIQUE INDEX replica_inbound_log_etl_seq ON replica_inbound_log (etl_seq);

UPDATE schema_version SET version = 3, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
