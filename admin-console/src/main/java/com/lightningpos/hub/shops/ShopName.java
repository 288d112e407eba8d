package com.lightningpos.hub.shops;

import java.util.UUID;

/** A shop's id and name, for pickers and labels. */
public record ShopName(UUID id, String name) {
}
