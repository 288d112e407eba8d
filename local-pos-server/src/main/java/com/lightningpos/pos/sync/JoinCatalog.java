package com.lightningpos.pos.sync;

import java.util.List;
import java.util.Map;

/**
 * The wire form of {@code POST /sync/v1/shops/{shopId}/join/catalog} (docs/sync-protocol.md,
 * "Joining a standalone till"): the till sends its own catalog and how much history it will upload;
 * the hub answers, per item, whether it matched one of the hub's items, became a proposal, or could
 * not be used.
 */
final class JoinCatalog {

    static final String MATCHED = "matched";
    static final String PROPOSED = "proposed";
    static final String PROBLEM = "problem";

    private JoinCatalog() {
    }

    static String path(String shopId) {
        return "/sync/v1/shops/" + shopId + "/join/catalog";
    }

    static String verifiedPath(String shopId) {
        return "/sync/v1/shops/" + shopId + "/join/verified";
    }

    static String undonePath(String shopId) {
        return "/sync/v1/shops/" + shopId + "/join/undone";
    }

    /** The till's catalog as it stands, and how many outbox rows of history will follow through the push. */
    record Request(long historyChanges, List<Item> items) {
    }

    /** One of the till's own items, as the till holds it (not normalised: that is the hub's job). */
    record Item(String id, String sku, String barcode, String name, long priceCents, String unit, String taxRateId,
                String categoryId) {
    }

    record Answer(List<Outcome> items) {

        Answer {
            items = items == null ? List.of() : List.copyOf(items);
        }

        long count(String outcome) {
            return items.stream().filter(i -> outcome.equals(i.outcome())).count();
        }
    }

    /**
     * The hub's verdict on one local item. {@code hubItem} is the hub's row in the sync protocol's
     * wire form (snake_case columns, as in the change payloads of table {@code items}).
     */
    record Outcome(String localId, String outcome, String hubItemId, Map<String, Object> hubItem, List<String> notes) {

        Outcome {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        boolean matched() {
            return MATCHED.equals(outcome) && hubItemId != null && hubItem != null;
        }
    }
}
