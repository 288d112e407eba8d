package com.lightningpos.hub.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a replica consistency check.
 *
 * @param consistent  true when nothing differs
 * @param summary     one line for people ("12,345 rows in 11 tables match")
 * @param differences what differs, one line each (empty when consistent)
 */
public record ReplicaConsistency(boolean consistent, Instant checkedAt, String summary, List<String> differences) {
}
