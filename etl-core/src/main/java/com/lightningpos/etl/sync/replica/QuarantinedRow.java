package com.lightningpos.etl.sync.replica;

import java.util.Map;

/** A shop row that the replica could not apply, as support sees it. */
public record QuarantinedRow(long id, long shopSeq, String table, String recordId, String op,
                             Map<String, Object> payload, String hlc, String reason, String status,
                             String createdAt, String settledAt, String settledBy, String settleNote) {
}
