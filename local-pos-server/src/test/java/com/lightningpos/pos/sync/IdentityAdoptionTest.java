package com.lightningpos.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.sync.testing.MutableClock;
import com.lightningpos.etl.sync.testing.ShopFixture;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityAdoptionTest {

    @TempDir
    Path dir;

    @Test
    void a_standalone_till_that_already_sold_keeps_its_sales_under_the_id_the_hub_issued() {
        String standalone = UUID.randomUUID().toString();
        String issued = UUID.randomUUID().toString();
        ShopFixture till = new ShopFixture(dir, standalone, MutableClock.at("2026-03-01T09:00:00Z"));
        till.sell(500);
        till.db.execute("INSERT INTO receipt_counters (shop_id, last_no) VALUES (?, 1)", standalone);
        till.createItem(UUID.randomUUID().toString(), "Local item", 100);
        long outboxBefore = till.count("SELECT count(*) FROM sync_changes");

        IdentityAdoption.adopt(till.db, issued, "Corner shop", "https://hub.example.com", "2026-03-01T10:00:00Z");

        assertThat(till.db.fetchValue("SELECT id FROM shop_config")).isEqualTo(issued);
        assertThat(till.db.fetchValue("SELECT sync_url FROM shop_config")).isEqualTo("https://hub.example.com");
        assertThat(till.count("SELECT count(*) FROM sales_orders WHERE shop_id = ?", issued)).isEqualTo(1);
        assertThat(till.count("SELECT last_no FROM receipt_counters WHERE shop_id = ?", issued)).isEqualTo(1);
        assertThat(till.count("SELECT count(*) FROM sync_changes")).as("no new outbox rows").isEqualTo(outboxBefore);
        assertThat(till.count("SELECT count(*) FROM sync_changes WHERE shop_id = ? OR json_extract(payload, '$.shop_id') = ?"
                + " OR json_extract(payload, '$.last_modified_shop_id') = ?", standalone, standalone, standalone))
                .as("nothing will be sent under the old id").isZero();
        assertThat(till.count("SELECT count(*) FROM items WHERE last_modified_shop_id = ?", issued)).isEqualTo(1);
    }

    @Test
    void a_till_that_never_sold_simply_takes_the_new_identity() {
        ShopFixture till = new ShopFixture(dir, UUID.randomUUID().toString(), MutableClock.at("2026-03-01T09:00:00Z"));
        String issued = UUID.randomUUID().toString();

        IdentityAdoption.adopt(till.db, issued, "Corner shop", "https://hub.example.com", "2026-03-01T10:00:00Z");

        assertThat(till.count("SELECT count(*) FROM shop_config")).isEqualTo(1);
        assertThat(till.db.fetchValue("SELECT name FROM shop_config")).isEqualTo("Corner shop");
        assertThat(till.count("SELECT count(*) FROM sync_changes")).isZero();
    }
}
