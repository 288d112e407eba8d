package com.lightningpos.etl.hub;

/** What the hub did with one catalog change sent by a shop. */
public enum ShopChangeOutcome {
    /** Applied and queued for the other shops. */
    ACCEPTED,
    /** Collided with a hub change the shop had not seen: the hub's version stays and is sent back. */
    HUB_WON,
    /** Already applied (a replayed batch). */
    DUPLICATE,
    /** Could not be applied (e.g. a barcode another item already has); recorded for review. */
    REJECTED
}
