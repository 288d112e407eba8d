package com.lightningpos.etl.sync;

/**
 * Row count and order-independent checksum of one synced table (see
 * {@link com.lightningpos.etl.change.TableChecksum}).
 */
public record TableSummary(String table, long rows, String checksum) {
}
