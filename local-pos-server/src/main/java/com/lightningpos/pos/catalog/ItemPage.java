package com.lightningpos.pos.catalog;

import java.util.List;

public record ItemPage(List<Item> items, int total) {
}
