package com.lightningpos.hub.join;

import java.time.OffsetDateTime;

/**
 * How far a joining shop's history upload is, as the hub sees it.
 *
 * @param state          {@code uploading} (history still arriving), {@code uploaded} (the replica holds
 *                       as many changes as the till announced, waiting for the till's verification),
 *                       {@code verified} or {@code undone}
 * @param historyChanges the changes the till announced when it sent its catalog
 * @param uploaded       how many of them the shop's replica holds
 * @param remaining      historyChanges - uploaded
 * @param etaSeconds     remaining at the rate since the join started; null before anything arrived
 * @param matched        till items matched to hub items
 * @param proposed       till items proposed to head office
 * @param problems       till items that could not be used (also proposals, with notes)
 */
public record JoinProgress(String state, long historyChanges, long uploaded, long remaining, Long etaSeconds,
                           int matched, int proposed, int problems, OffsetDateTime startedAt,
                           OffsetDateTime verifiedAt, OffsetDateTime undoneAt) {
}
