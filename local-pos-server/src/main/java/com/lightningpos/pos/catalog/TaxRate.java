package com.lightningpos.pos.catalog;

/** A tax rate in basis points (2000 = 20 %); inclusive = contained in the price, else added to it. */
public record TaxRate(String id, String name, int rateBp, boolean inclusive) {
}
