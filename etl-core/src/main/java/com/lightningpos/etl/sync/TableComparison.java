package com.lightningpos.etl.sync;

/**
 * One synced table on the three tiers. {@code differs} is true only when two tiers that were
 * compared disagree; a tier left out (null) is explained by {@code note} and is not a difference.
 */
public record TableComparison(String table, TierSummary shop, TierSummary replica, TierSummary hub,
                              boolean differs, String note) {
}
