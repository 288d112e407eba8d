package com.lightningpos.hub.conflicts;

import java.time.Duration;
import java.util.UUID;

/**
 * Which conflicts to list.
 *
 * @param status     open, settled or both (null)
 * @param shopId     one shop, or all (null)
 * @param table      one table, or all (null)
 * @param olderThan  only conflicts at least this old (null: any age)
 */
public record ConflictFilter(ConflictStatus status, UUID shopId, String table, Duration olderThan) {

    public static final ConflictFilter OPEN = new ConflictFilter(ConflictStatus.OPEN, null, null, null);

    public enum ConflictStatus { OPEN, SETTLED }
}
