package com.lightningpos.etl.sync;

/**
 * The parts of a hub's RFC 9457 problem document that a client acts on.
 *
 * @param status          the HTTP status
 * @param code            machine-readable reason, one of {@link SyncProtocol.Codes}
 * @param detail          a sentence for people
 * @param resumeFrom      with {@code seq_gap}: the first seq the hub is missing
 * @param requiredVersion with {@code schema_update_required}: the schema version the hub requires
 */
public record ErrorBody(int status, String code, String detail, Long resumeFrom, Integer requiredVersion) {
}
