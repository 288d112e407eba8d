-- Joining a till that sold standalone (issue 9): its catalog is matched against the hub's; what
-- matched nothing becomes a proposal that head office accepts or rejects.

-- One row per till item the hub could not match (or could not use at all: notes say why).
-- item_id is the till's own item id: accepting creates the hub item under that same id, rejecting
-- writes a tombstone with it, so the joining till needs no re-keying either way.
CREATE TABLE catalog_proposals (
    id          bigserial PRIMARY KEY,
    shop_id     uuid NOT NULL REFERENCES shops (id),
    item_id     uuid NOT NULL,
    sku         text,
    barcode     text,
    name        text,
    price_cents bigint,
    payload     jsonb NOT NULL,
    notes       jsonb NOT NULL DEFAULT '[]'::jsonb,
    status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
    decided_by  text,
    decided_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- a till re-sending its catalog (lost answer, crash) must not propose an item twice
    UNIQUE (shop_id, item_id)
);
CREATE INDEX catalog_proposals_status_created ON catalog_proposals (status, created_at);

-- The join of a shop: what its catalog step found and how far its history upload is.
-- history_base_seq is the replica's high-water mark when the join started, so the history
-- uploaded so far is the replica's high-water mark minus it.
CREATE TABLE shop_joins (
    shop_id          uuid PRIMARY KEY REFERENCES shops (id),
    started_at       timestamptz NOT NULL DEFAULT now(),
    history_changes  bigint NOT NULL DEFAULT 0,
    history_base_seq bigint NOT NULL DEFAULT 0,
    items_sent       integer NOT NULL DEFAULT 0,
    matched          integer NOT NULL DEFAULT 0,
    proposed         integer NOT NULL DEFAULT 0,
    problems         integer NOT NULL DEFAULT 0,
    verified_at      timestamptz,
    undone_at        timestamptz
);

-- Enrolment retry: a till whose enrol answer was lost sends the same code again. The spent code's
-- hash stays here until a new code is issued; the retry is honoured (same shop id, fresh secret)
-- only while credentials_used_at is null, i.e. no token was issued for the enrolled secret yet.
ALTER TABLE shops ADD COLUMN spent_enrolment_code_hash text;
ALTER TABLE shops ADD COLUMN spent_enrolment_expires_at timestamptz;
ALTER TABLE shops ADD COLUMN credentials_used_at timestamptz;

UPDATE schema_version SET version = GREATEST(version, 4), updated_at = now() WHERE id = 1;
