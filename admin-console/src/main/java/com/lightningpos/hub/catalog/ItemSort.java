package com.lightningpos.hub.catalog;

/** A requested sort; {@code property} must be one of {@link ItemSearch#SORTABLE}. */
public record ItemSort(String property, boolean descending) {
}
