-- The console's sales view groups all shops' sales by day, newest first.
CREATE INDEX sales_orders_created_shop ON sales_orders (created_at DESC, shop_id);
UPDATE schema_version SET version = 2, updated_at = now() WHERE id = 1;
