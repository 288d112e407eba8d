package com.lightningpos.etl.sync;

/**
 * One tier's row count and checksum of a table in a {@link ConsistencyComparison}: the shop's
 * database, its hub replica, or PostgreSQL. Null in a comparison when that tier was not compared
 * (no or a stale shop report, changes still on their way), which the table's note explains.
 */
public record TierSummary(long rows, String checksum) {

    public static TierSummary of(TableSummary summary) {
        return summary == null ? null : new TierSummary(summary.rows(), summary.checksum());
    }
}
