-- Admin console needs (issue 7).

-- Canary rollout: shops flagged canary are asked for this version before the rest of the chain.
-- NULL (or a value not above required_shop_schema_version) means no canary rollout is under way.
-- The version a shop must run is max(required, canary_required) for canary shops, required for others.
ALTER TABLE hub_settings ADD COLUMN canary_required_shop_schema_version integer;

-- The catalog search matches SKU prefixes like name and barcode prefixes (those have indexes already).
CREATE INDEX items_sku_prefix ON items (sku text_pattern_ops);

UPDATE schema_version SET version = 3, updated_at = now() WHERE id = 1;
