-- Alerts (issue 9): the hub evaluates its alert rules every hub.alerts.interval and keeps here one
-- row per (rule, subject) while the condition holds; a condition that clears resolves the row, which
-- stays as history. The webhook's delivery state lives on the row so that a hub restart neither
-- re-sends nor loses an "opened" or "resolved" notification.
CREATE TABLE alerts (
    id                bigserial PRIMARY KEY,
    rule              text NOT NULL,
    -- what the alert is about: a shop id for shop rules, 'database' or 'disk' for the hub's storage
    subject           text NOT NULL,
    -- the shop the subject names, for links and names; no foreign key, alerts are history
    shop_id           uuid,
    severity          text NOT NULL CHECK (severity IN ('warning', 'critical')),
    message           text NOT NULL,
    first_seen_at     timestamptz NOT NULL,
    last_seen_at      timestamptz NOT NULL,
    resolved_at       timestamptz,
    acknowledged_by   text,
    acknowledged_at   timestamptz,
    -- webhook delivery of the "opened" and the "resolved" event: off (no webhook configured when
    -- the event happened), pending, sent or failed (gave up after hub.alerts.webhook-max-attempts)
    opened_delivery   text NOT NULL DEFAULT 'off' CHECK (opened_delivery IN ('off', 'pending', 'sent', 'failed')),
    resolved_delivery text CHECK (resolved_delivery IN ('off', 'pending', 'sent', 'failed')),
    delivery_attempts integer NOT NULL DEFAULT 0,
    next_delivery_at  timestamptz,
    delivery_error    text
);
-- at most one open alert per rule and subject, even with two hub instances evaluating
CREATE UNIQUE INDEX alerts_open_rule_subject ON alerts (rule, subject) WHERE resolved_at IS NULL;
CREATE INDEX alerts_resolved_at ON alerts (resolved_at DESC) WHERE resolved_at IS NOT NULL;
CREATE INDEX alerts_delivery_due ON alerts (next_delivery_at)
    WHERE opened_delivery = 'pending' OR resolved_delivery = 'pending';

UPDATE schema_version SET version = GREATEST(version, 6), updated_at = now() WHERE id = 1;
