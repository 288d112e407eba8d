package com.lightningpos.etl.sync;

import java.time.Instant;
import java.util.List;

/**
 * The hub's three-tier consistency check of one shop, the answer to
 * {@code POST /sync/v1/shops/{id}/consistency}: per synced table the shop's own count and checksum
 * (from the till's report), its replica's and PostgreSQL's.
 *
 * @param consistent true when no table differs (tables left out as stale or pending do not count)
 */
public record ConsistencyComparison(String shopId, Instant checkedAt, boolean consistent, List<TableComparison> tables) {

    public ConsistencyComparison {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    public List<TableComparison> differing() {
        return tables.stream().filter(TableComparison::differs).toList();
    }
}
