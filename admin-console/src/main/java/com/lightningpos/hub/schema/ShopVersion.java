package com.lightningpos.hub.schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A shop with the schema version it last reported (null: it has not reported one yet). */
public record ShopVersion(UUID id, String name, Integer schemaVersion, boolean canary, OffsetDateTime lastSeenAt) {
}
