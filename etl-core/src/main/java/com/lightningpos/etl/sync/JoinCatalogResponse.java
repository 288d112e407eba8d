package com.lightningpos.etl.sync;

import java.util.List;
import java.util.Map;

/**
 * The hub's answer to a till's catalog: one entry per item sent, in the order sent.
 *
 * @param items what became of each till item
 */
public record JoinCatalogResponse(List<ItemOutcome> items) {

    public static final String MATCHED = "matched";
    public static final String PROPOSED = "proposed";
    public static final String PROBLEM = "problem";

    public JoinCatalogResponse {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * @param localId   the till's item id as sent
     * @param outcome   {@link #MATCHED} (the hub's row replaces the till's), {@link #PROPOSED} (kept
     *                  locally, head office decides) or {@link #PROBLEM} (kept locally, could not be
     *                  used; also listed as a proposal with the notes)
     * @param hubItemId the hub item's id when matched, else null
     * @param hubItem   the hub's item row in wire form (snake_case columns as in the sync protocol's
     *                  change payloads for table {@code items}) when matched, else null
     * @param notes     what the hub normalised or why it could not use the item, e.g.
     *                  {@code barcode_whitespace_removed}, {@code barcode_check_digit_corrected}
     */
    public record ItemOutcome(String localId, String outcome, String hubItemId, Map<String, Object> hubItem,
                              List<String> notes) {

        public ItemOutcome {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public boolean matched() {
            return MATCHED.equals(outcome);
        }
    }
}
