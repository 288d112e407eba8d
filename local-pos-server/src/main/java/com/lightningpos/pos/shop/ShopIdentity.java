package com.lightningpos.pos.shop;

/** Who this till is: its shop id and name, and whether it syncs with a hub. */
public record ShopIdentity(String shopId, String name, String hubUrl, boolean standalone) {
}
