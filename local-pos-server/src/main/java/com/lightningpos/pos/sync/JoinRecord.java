package com.lightningpos.pos.sync;

import com.lightningpos.etl.sync.JoinCatalogResponse;

/**
 * What {@code <data-dir>/join.json} says about a standalone till joining the chain. The file is the
 * join's memory across restarts: every step reads it to know what is done, and it is written only
 * after the step it records has committed, so a crash repeats a step rather than skipping one.
 *
 * @param state             {@code started} → {@code catalog_matched} → {@code verified} | {@code undone}
 * @param startedAt         when the pre-enrolment copy was taken
 * @param preEnrolmentFile  the copy's file name in the data directory (what the undo command restores)
 * @param standaloneShopId  the shop id the till sold under before it joined
 * @param shopId            the id the hub issued (null until enrolled)
 * @param hubHighWaterSeq   the hub's high-water mark for the shop at enrolment
 * @param historyTotal      outbox rows of history to upload (set when the catalog is matched)
 * @param historyLastSeq    the last outbox seq that belongs to the history
 * @param matched           items the hub matched
 * @param proposed          items that became proposals
 * @param problems          items that could not be used
 * @param catalogMatchedAt  when the hub's catalog answer was applied
 * @param verifiedAt        when shop, replica and hub were found equal
 * @param undoneAt          when the undo command put the pre-enrolment database back
 */
public record JoinRecord(String state, String startedAt, String preEnrolmentFile, String standaloneShopId, String shopId,
                         long hubHighWaterSeq, Long historyTotal, Long historyLastSeq, Long matched, Long proposed, Long problems,
                         String catalogMatchedAt, String verifiedAt, String undoneAt) {

    public static final String STARTED = "started";
    public static final String CATALOG_MATCHED = "catalog_matched";
    public static final String VERIFIED = "verified";
    public static final String UNDONE = "undone";

    static JoinRecord started(String startedAt, String preEnrolmentFile, String standaloneShopId) {
        return new JoinRecord(STARTED, startedAt, preEnrolmentFile, standaloneShopId, null, 0, null, null, null, null, null,
                null, null, null);
    }

    JoinRecord enrolled(String issuedShopId, long highWater) {
        return new JoinRecord(state, startedAt, preEnrolmentFile, standaloneShopId, issuedShopId, highWater, historyTotal,
                historyLastSeq, matched, proposed, problems, catalogMatchedAt, verifiedAt, undoneAt);
    }

    JoinRecord catalogMatched(String at, long total, long lastSeq, JoinCatalogResponse answer) {
        return new JoinRecord(CATALOG_MATCHED, startedAt, preEnrolmentFile, standaloneShopId, shopId, hubHighWaterSeq, total,
                lastSeq, count(answer, JoinCatalogResponse.MATCHED), count(answer, JoinCatalogResponse.PROPOSED),
                count(answer, JoinCatalogResponse.PROBLEM), at, verifiedAt, undoneAt);
    }

    private static long count(JoinCatalogResponse answer, String outcome) {
        return answer.items().stream().filter(i -> outcome.equals(i.outcome())).count();
    }

    JoinRecord verified(String at) {
        return new JoinRecord(VERIFIED, startedAt, preEnrolmentFile, standaloneShopId, shopId, hubHighWaterSeq, historyTotal,
                historyLastSeq, matched, proposed, problems, catalogMatchedAt, at, undoneAt);
    }

    JoinRecord undone(String at) {
        return new JoinRecord(UNDONE, startedAt, preEnrolmentFile, standaloneShopId, shopId, hubHighWaterSeq, historyTotal,
                historyLastSeq, matched, proposed, problems, catalogMatchedAt, verifiedAt, at);
    }

    public boolean is(String s) {
        return s.equals(state);
    }
}
