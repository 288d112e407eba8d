package com.lightningpos.etl.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of one job run for one shop.
 *
 * @param claimed    false when another worker held the shop's job (nothing was done)
 * @param loaded     inbound rows loaded into PostgreSQL
 * @param propagated catalog rows delivered to the shop's replica
 * @param error      the failure message, or null
 */
public record EtlRun(UUID shopId, boolean claimed, int loaded, int propagated, long rowsWaiting,
                     Instant startedAt, Instant finishedAt, String error) {

    public boolean ok() {
        return error == null;
    }
}
