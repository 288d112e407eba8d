-- The sync status panel asks for the age of the oldest pending change on every refresh.
CREATE INDEX sync_changes_pending_created ON sync_changes (sync_status, created_at);

-- Online backups taken by the till (VACUUM INTO), listed for the restore command.
CREATE TABLE local_backups (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name  TEXT NOT NULL UNIQUE,
    size_bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

UPDATE schema_version SET version = 2, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
