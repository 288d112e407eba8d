package com.lightningpos.hub.catalog;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of the hub-wide catalog change sequence ({@code catalog_changes}), as the propagator sends it. */
public record CatalogChangeRow(long seq, String table, UUID recordId, String op, String hlc, UUID originShopId,
                               String changedBy, OffsetDateTime createdAt, @JsonRawValue String payload) {
}
