package com.lightningpos.etl.sync.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRetentionTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final String OLD = NOW.minus(Duration.ofDays(40)).toString();
    static final String RECENT = NOW.minus(Duration.ofDays(2)).toString();
    static final Instant CUTOFF = NOW.minus(Duration.ofDays(30));

    @TempDir
    Path dir;

    @Test
    void the_outbox_loses_only_old_rows_the_hub_acknowledged() {
        DSLContext shop = DSL.using(SqliteDatabases.openShopSchema(dir.resolve("shop.db")), SQLDialect.SQLITE);
        outbox(shop, 1, "synced", OLD, OLD);       // pruned
        outbox(shop, 2, "conflict", OLD, null);    // pruned: sent marked lost, acknowledged
        outbox(shop, 3, "synced", RECENT, RECENT); // kept: a restored hub may ask for it again
        outbox(shop, 4, "synced", OLD, OLD);       // kept: above the acknowledged cursor (a rewind)
        outbox(shop, 5, "pending", OLD, null);     // kept: not sent yet
        shop.execute("UPDATE sync_state SET cursor = 3 WHERE stream = 'sales_up'");

        assertThat(LogRetention.pruneOutbox(shop, CUTOFF)).isEqualTo(2);

        assertThat(shop.fetch("SELECT seq FROM sync_changes ORDER BY seq").getValues(0, Long.class)).containsExactly(3L, 4L, 5L);
    }

    @Test
    void a_long_history_is_pruned_in_several_transactions_to_the_last_row() {
        DSLContext shop = DSL.using(SqliteDatabases.openShopSchema(dir.resolve("shop.db")), SQLDialect.SQLITE);
        int rows = LogRetention.CHUNK * 2 + 10;
        shop.transaction(c -> {
            for (int seq = 1; seq <= rows; seq++) {
                outbox(c.dsl(), seq, "synced", OLD, OLD);
            }
        });
        shop.execute("UPDATE sync_state SET cursor = ? WHERE stream = 'sales_up'", rows);

        assertThat(LogRetention.pruneOutbox(shop, CUTOFF)).isEqualTo(rows - 1);

        assertThat(shop.fetch("SELECT seq FROM sync_changes").getValues(0, Long.class)).containsExactly((long) rows);
    }

    @Test
    void the_newest_outbox_row_stays_so_that_numbering_continues() {
        DSLContext shop = DSL.using(SqliteDatabases.openShopSchema(dir.resolve("shop.db")), SQLDialect.SQLITE);
        outbox(shop, 1, "synced", OLD, OLD);
        outbox(shop, 2, "synced", OLD, OLD);
        shop.execute("UPDATE sync_state SET cursor = 2 WHERE stream = 'sales_up'");

        LogRetention.pruneOutbox(shop, CUTOFF);

        assertThat(shop.fetch("SELECT seq FROM sync_changes").getValues(0, Long.class)).containsExactly(2L);
    }

    @Test
    void a_replica_loses_only_old_log_rows_that_the_etl_loaded_and_the_shop_pulled() throws Exception {
        String shopId = UUID.randomUUID().toString();
        try (ReplicaStore replicas = new ReplicaStore(dir.resolve("replicas"), Clock.fixed(NOW, java.time.ZoneOffset.UTC))) {
            DSLContext replica = replicas.dsl(shopId);
            for (int seq = 1; seq <= 5; seq++) {
                replica.execute("INSERT INTO replica_inbound_log (seq, etl_seq, table_name, record_id, op, payload, hlc, applied_at)"
                        + " VALUES (?, ?, 'expenses', ?, 'INSERT', '{}', NULL, ?)", seq, seq, "r" + seq, seq == 2 ? RECENT : OLD);
                replica.execute("INSERT INTO replica_outbound_log (hub_change_seq, table_name, record_id, op, payload, hlc, created_at)"
                        + " VALUES (?, 'items', ?, 'UPDATE', '{}', NULL, ?)", seq, "i" + seq, OLD);
            }
            replicas.pull(shopId, 3, 100); // the shop holds 1..3 now

            LogRetention.ReplicaPruned pruned = LogRetention.pruneReplica(replica, 4, CUTOFF);

            assertThat(pruned).isEqualTo(new LogRetention.ReplicaPruned(3, 3));
            assertThat(replica.fetch("SELECT etl_seq FROM replica_inbound_log ORDER BY etl_seq").getValues(0, Long.class))
                    .as("2 is recent, 5 not loaded yet").containsExactly(2L, 5L);
            assertThat(replica.fetch("SELECT seq FROM replica_outbound_log ORDER BY seq").getValues(0, Long.class))
                    .as("4 and 5 not pulled yet").containsExactly(4L, 5L);
            assertThat(replicas.pull(shopId, 3, 100).rows()).extracting(r -> r.seq()).containsExactly(4L, 5L);
        }
    }

    @Test
    void the_newest_replica_log_rows_stay_so_that_the_etl_order_continues() throws Exception {
        String shopId = UUID.randomUUID().toString();
        try (ReplicaStore replicas = new ReplicaStore(dir.resolve("replicas"), Clock.fixed(NOW, java.time.ZoneOffset.UTC))) {
            DSLContext replica = replicas.dsl(shopId);
            for (int seq = 1; seq <= 2; seq++) {
                replica.execute("INSERT INTO replica_inbound_log (seq, etl_seq, table_name, record_id, op, payload, hlc, applied_at)"
                        + " VALUES (?, ?, 'expenses', ?, 'INSERT', '{}', NULL, ?)", seq, seq, "r" + seq, OLD);
            }

            LogRetention.pruneReplica(replica, 2, CUTOFF);

            assertThat(replica.fetch("SELECT etl_seq FROM replica_inbound_log").getValues(0, Long.class)).isEqualTo(List.of(2L));
        }
    }

    @Test
    void a_later_change_of_a_quarantined_record_stays_so_that_a_retry_is_still_found_superseded() throws Exception {
        String shopId = UUID.randomUUID().toString();
        try (ReplicaStore replicas = new ReplicaStore(dir.resolve("replicas"), Clock.fixed(NOW, java.time.ZoneOffset.UTC))) {
            DSLContext replica = replicas.dsl(shopId);
            replica.execute("INSERT INTO replica_quarantine (shop_seq, table_name, record_id, op, payload, hlc, reason, created_at)"
                    + " VALUES (1, 'expenses', 'r1', 'INSERT', '{}', NULL, 'did not fit', ?)", OLD);
            replica.execute("INSERT INTO replica_inbound_log (seq, etl_seq, table_name, record_id, op, payload, hlc, applied_at)"
                    + " VALUES (2, 1, 'expenses', 'r1', 'UPDATE', '{}', NULL, ?)", OLD); // the shop's later change of r1
            replica.execute("INSERT INTO replica_inbound_log (seq, etl_seq, table_name, record_id, op, payload, hlc, applied_at)"
                    + " VALUES (3, 2, 'expenses', 'r3', 'INSERT', '{}', NULL, ?)", OLD);

            LogRetention.pruneReplica(replica, 2, CUTOFF);

            long quarantineId = replica.fetchOne("SELECT id FROM replica_quarantine").get(0, Long.class);
            assertThat(replicas.retryQuarantined(shopId, quarantineId, "test").result())
                    .as("retrying must not put the older quarantined version over the shop's later change")
                    .isEqualTo(com.lightningpos.etl.sync.replica.RetryOutcome.Result.SUPERSEDED);
        }
    }

    private static void outbox(DSLContext shop, long seq, String status, String createdAt, String syncedAt) {
        shop.execute("INSERT INTO sync_changes (seq, table_name, record_id, op, payload, hlc, shop_id, sync_status, created_at, synced_at)"
                + " VALUES (?, 'expenses', ?, 'INSERT', '{}', NULL, 's', ?, ?, ?)", seq, "e" + seq, status, createdAt, syncedAt);
    }
}
