package com.lightningpos.etl.sync.replica;

import com.lightningpos.etl.change.ChangeRow;

/**
 * A hub change on its way to one shop: the hub-wide sequence number (from {@code catalog_changes})
 * makes delivering it twice harmless.
 */
public record OutboundChange(long hubChangeSeq, ChangeRow change) {
}
