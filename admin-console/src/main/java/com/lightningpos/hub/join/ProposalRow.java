package com.lightningpos.hub.join;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A till item waiting for head office (or decided): proposed by a joining shop, under the till's own id. */
public record ProposalRow(long id, UUID shopId, String shopName, UUID itemId, String sku, String barcode, String name,
                          Long priceCents, List<String> notes, String status, String decidedBy,
                          OffsetDateTime decidedAt, OffsetDateTime createdAt) {

    public boolean open() {
        return ProposalStatus.OPEN.wire().equals(status);
    }
}
