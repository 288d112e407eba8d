-- Retention of synced outbox rows (till) and of replica logs (hub): the replica remembers how far its
-- shop has pulled, so that only outbound rows the shop already holds are ever pruned.
ALTER TABLE replica_state ADD COLUMN pulled_up_to_seq INTEGER NOT NULL DEFAULT 0;

UPDATE schema_version SET version = 6, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
