package com.lightningpos.hub.conflicts;

import java.util.List;

/** A conflict with its fields compared; {@code canReapply} is false where the shop's version cannot be written back. */
public record ConflictDetail(ConflictRow conflict, List<FieldDiff> fields, boolean canReapply) {
}
