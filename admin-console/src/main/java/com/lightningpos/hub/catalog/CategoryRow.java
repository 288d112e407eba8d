package com.lightningpos.hub.catalog;

import java.util.UUID;

/** A category as the console shows it. */
public record CategoryRow(UUID id, String name, UUID parentId, String parentName, int sortOrder, boolean deleted,
                          int version, String lastModifiedAt, String lastModifiedShopName) {
}
