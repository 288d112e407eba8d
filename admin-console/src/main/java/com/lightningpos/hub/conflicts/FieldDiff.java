package com.lightningpos.hub.conflicts;

/**
 * One field of a conflicting row, side by side: the shop's version, the hub's version at the time
 * of the conflict, and the row as it is now.
 */
public record FieldDiff(String field, String shopValue, String hubValue, String currentValue, boolean differs) {
}
