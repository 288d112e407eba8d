package com.lightningpos.pos.catalog;

public record Category(String id, String name, String parentId, int sortOrder) {
}
