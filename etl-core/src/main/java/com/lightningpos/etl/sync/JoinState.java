package com.lightningpos.etl.sync;

import java.time.Instant;

/**
 * The hub's record of a shop's join, answered by {@code POST .../join/verified} and
 * {@code POST .../join/undone} (both safe to repeat).
 *
 * @param shopId     the shop
 * @param state      {@code started}, {@code verified} or {@code undone}
 * @param startedAt  when the till first sent its catalog
 * @param verifiedAt when the till reported the join verified, else null
 * @param undoneAt   when the till reported the join undone, else null
 */
public record JoinState(String shopId, String state, Instant startedAt, Instant verifiedAt, Instant undoneAt) {

    public static final String STARTED = "started";
    public static final String VERIFIED = "verified";
    public static final String UNDONE = "undone";
}
