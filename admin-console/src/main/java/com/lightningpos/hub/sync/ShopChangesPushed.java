package com.lightningpos.hub.sync;

import java.util.UUID;

/**
 * Published after a shop's push was stored in its replica (and after a shop enrolled), so the
 * ETL scheduler can run that shop's job at once instead of at the next sweep.
 */
public record ShopChangesPushed(UUID shopId) {
}
