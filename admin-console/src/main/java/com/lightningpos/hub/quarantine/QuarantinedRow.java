package com.lightningpos.hub.quarantine;

import java.time.Instant;
import java.util.UUID;

/**
 * A row a shop sent that the hub could not apply, set aside so the rows after it go on.
 *
 * @param id           the provider's identifier of the quarantined row (opaque to the console)
 * @param payload      the row's after-image as the shop sent it (JSON)
 * @param reason       why it could not be applied
 * @param attempts     how often it was tried
 */
public record QuarantinedRow(String id, UUID shopId, String table, String recordId, String op, String payload,
                             String reason, Instant quarantinedAt, int attempts) {
}
