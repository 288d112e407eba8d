package com.lightningpos.etl.change;

import java.util.Map;

/**
 * One captured change, as it travels on the wire and sits in outbox and logs.
 *
 * @param seq      the sender's sequence number (gap-free per sender and stream)
 * @param table    the table name in the shop schema
 * @param recordId the row's UUID
 * @param op       insert, update or delete
 * @param payload  the full after-image (before-image for deletes), column name to JSON value
 * @param hlc      the change's HLC timestamp (text form)
 * @param shopId   the shop that made the change; null for hub changes
 */
public record ChangeRow(long seq, String table, String recordId, ChangeOp op, Map<String, Object> payload,
                        String hlc, String shopId) {
}
