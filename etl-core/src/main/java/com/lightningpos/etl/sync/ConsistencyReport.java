package com.lightningpos.etl.sync;

import java.util.List;
import java.util.Optional;

/**
 * Per-table row counts and checksums of a shop-schema database. Equal reports of a shop and its
 * replica (taken when nothing is waiting in either direction) mean equal synced data.
 *
 * @param highWaterSeq the last shop seq included (a replica's high-water mark; the shop's last acked seq)
 * @param tables       one summary per synced table, in {@code SyncedTable} order
 */
public record ConsistencyReport(long highWaterSeq, List<TableSummary> tables) {

    public ConsistencyReport {
        tables = List.copyOf(tables);
    }

    public Optional<TableSummary> table(String name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst();
    }

    /** Names of tables whose count or checksum differ from {@code other}'s. */
    public List<String> differencesFrom(ConsistencyReport other) {
        return tables.stream()
                .filter(t -> !other.table(t.table()).map(t::equals).orElse(false))
                .map(TableSummary::table)
                .toList();
    }
}
