package com.lightningpos.pos.sync;

import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.SYNC_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.db.SqliteDatabases;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxContinuationTest {

    @TempDir
    Path dir;

    @Test
    void a_till_enrolling_for_a_shop_the_hub_already_holds_numbers_its_changes_after_the_hubs() {
        DSLContext db = DSL.using(SqliteDatabases.openShopSchema(dir.resolve("shop.db")), SQLDialect.SQLITE);
        db.execute("INSERT INTO shop_config (id, name, created_at) VALUES ('s', 'Shop', '2026-01-01T00:00:00Z')");
        for (int i = 1; i <= 3; i++) {
            db.execute("INSERT INTO expenses (id, shop_id, category, amount_cents, created_at) VALUES (?, 's', 'rent', 100, 't')", "e" + i);
        }
        assertThat(db.select(SYNC_CHANGES.SEQ).from(SYNC_CHANGES).orderBy(SYNC_CHANGES.SEQ).fetch(SYNC_CHANGES.SEQ)).containsExactly(1L, 2L, 3L);

        OutboxContinuation.continueAfter(db, 10);
        OutboxContinuation.continueAfter(db, 10); // a retried enrolment changes nothing more

        assertThat(db.select(SYNC_CHANGES.SEQ).from(SYNC_CHANGES).orderBy(SYNC_CHANGES.SEQ).fetch(SYNC_CHANGES.SEQ))
                .containsExactly(11L, 12L, 13L);
        db.execute("INSERT INTO expenses (id, shop_id, category, amount_cents, created_at) VALUES ('e4', 's', 'rent', 100, 't')");
        assertThat(db.select(DSL.max(SYNC_CHANGES.SEQ)).from(SYNC_CHANGES).fetchOne(0, Long.class)).isEqualTo(14L);
        assertThat(db.select(SYNC_STATE.CURSOR).from(SYNC_STATE).where(SYNC_STATE.STREAM.eq("sales_up")).fetchOne(SYNC_STATE.CURSOR))
                .isEqualTo(10L);
    }

    @Test
    void an_empty_till_starts_its_numbering_after_the_hubs() {
        DSLContext db = DSL.using(SqliteDatabases.openShopSchema(dir.resolve("fresh.db")), SQLDialect.SQLITE);
        OutboxContinuation.continueAfter(db, 7);
        db.execute("INSERT INTO expenses (id, shop_id, category, amount_cents, created_at) VALUES ('e1', 's', 'rent', 100, 't')");
        assertThat(db.select(SYNC_CHANGES.SEQ).from(SYNC_CHANGES).fetchOne(SYNC_CHANGES.SEQ)).isEqualTo(8L);
    }
}
