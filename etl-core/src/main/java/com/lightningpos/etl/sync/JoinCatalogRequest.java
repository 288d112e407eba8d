package com.lightningpos.etl.sync;

import java.util.List;

/**
 * A till that sold standalone sends its catalog once it has enrolled
 * ({@code POST /sync/v1/shops/{shopId}/join/catalog}). Sending the same request again (lost answer,
 * till crash) gives the same answer and records nothing twice.
 *
 * @param historyChanges the outbox rows the till will upload as its history (progress total)
 * @param items          the till's own items, under its own ids
 */
public record JoinCatalogRequest(long historyChanges, List<Item> items) {

    public JoinCatalogRequest {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One till item as the till has it (not normalised: the hub does that and says what it changed). */
    public record Item(String id, String sku, String barcode, String name, Long priceCents, String unit,
                       String taxRateId, String categoryId) {
    }
}
