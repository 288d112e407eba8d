package com.lightningpos.pos.catalog;

import java.util.List;

/**
 * One page of a search. {@code total} counts the matches exactly up to
 * {@link CatalogQueries#TOTAL_CAP}; when there are more it is the cap and {@code totalCapped} is true.
 */
public record ItemPage(List<Item> items, int total, boolean totalCapped) {
}
