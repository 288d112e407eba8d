-- Till search at 100,000 items (GET /api/items?q=): the name is matched anywhere by an FTS5
-- trigram index, SKU and barcode by prefix through case-insensitive B-tree indexes. Before this,
-- lower(name) LIKE '%q%' scanned the whole table twice per request (page and total).

-- SKU and barcode prefixes are matched case-insensitively (as LIKE 'q%' did), so the indexes use
-- NOCASE: a range on "sku COLLATE NOCASE" is then an index range scan.
CREATE INDEX items_sku_nocase ON items (sku COLLATE NOCASE);
CREATE INDEX items_barcode_nocase ON items (barcode COLLATE NOCASE);

-- The FTS rowid of each searchable item. Items have a TEXT primary key, so their own rowid is not
-- stable (VACUUM may renumber it); doc_id is an INTEGER PRIMARY KEY, which VACUUM INTO keeps.
CREATE TABLE item_search_docs (
    doc_id  INTEGER PRIMARY KEY,
    item_id TEXT NOT NULL UNIQUE
);

-- Only the names of active, non-deleted items. Contentless (the names live in items), with
-- contentless_delete so that a row can be removed by its rowid. Trigram: a phrase of three or more
-- characters matches any substring; case_sensitive 0 folds case (Unicode, not only ASCII) and
-- remove_diacritics 1 lets "creme" find "Crème".
CREATE VIRTUAL TABLE item_search USING fts5(
    name,
    content = '',
    contentless_delete = 1,
    tokenize = 'trigram case_sensitive 0 remove_diacritics 1'
);

-- The index follows every write to items, local or applied from the hub (applying_remote does not
-- matter here: a catalog row pulled from the hub must be searchable too). The hub's cloud replicas
-- share this schema but nobody searches them, and they hold the whole catalog once per shop: there
-- (replica_state has its row) the triggers do nothing. A till installed from a replica snapshot
-- rebuilds the index (ItemSearchIndex.rebuild in the till).
CREATE TRIGGER items_search_insert AFTER INSERT ON items
WHEN NEW.active = 1 AND NEW.deleted = 0 AND NOT EXISTS (SELECT 1 FROM replica_state)
BEGIN
  -- Normally nothing to remove; an INSERT OR REPLACE of a row would leave its old entry behind.
  DELETE FROM item_search WHERE rowid = (SELECT doc_id FROM item_search_docs WHERE item_id = NEW.id);
  DELETE FROM item_search_docs WHERE item_id = NEW.id;
  INSERT INTO item_search_docs (item_id) VALUES (NEW.id);
  INSERT INTO item_search (rowid, name) VALUES (last_insert_rowid(), NEW.name);
END;

-- Only the columns the index depends on: a price change does not touch it.
CREATE TRIGGER items_search_update AFTER UPDATE OF id, name, active, deleted ON items
WHEN NOT EXISTS (SELECT 1 FROM replica_state)
BEGIN
  DELETE FROM item_search WHERE rowid = (SELECT doc_id FROM item_search_docs WHERE item_id = OLD.id);
  DELETE FROM item_search_docs WHERE item_id = OLD.id;
  INSERT INTO item_search_docs (item_id) SELECT NEW.id WHERE NEW.active = 1 AND NEW.deleted = 0;
  INSERT INTO item_search (rowid, name)
  SELECT doc_id, NEW.name FROM item_search_docs WHERE item_id = NEW.id AND NEW.active = 1 AND NEW.deleted = 0;
END;

CREATE TRIGGER items_search_delete AFTER DELETE ON items
WHEN NOT EXISTS (SELECT 1 FROM replica_state)
BEGIN
  DELETE FROM item_search WHERE rowid = (SELECT doc_id FROM item_search_docs WHERE item_id = OLD.id);
  DELETE FROM item_search_docs WHERE item_id = OLD.id;
END;

-- Existing catalogs (not in a replica).
INSERT INTO item_search_docs (item_id)
SELECT id FROM items WHERE active = 1 AND deleted = 0 AND NOT EXISTS (SELECT 1 FROM replica_state);
INSERT INTO item_search (rowid, name)
SELECT d.doc_id, i.name FROM item_search_docs d JOIN items i ON i.id = d.item_id;

UPDATE schema_version SET version = 4, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
