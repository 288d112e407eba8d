package com.lightningpos.etl.hub;

import java.util.Map;

/**
 * A catalog row as the hub accepted it, with its place in the hub-wide change sequence.
 *
 * @param seq  the {@code catalog_changes} sequence number
 * @param row  the full row in wire form (what shops apply)
 */
public record CatalogChange(long seq, String table, String recordId, Map<String, Object> row) {
}
