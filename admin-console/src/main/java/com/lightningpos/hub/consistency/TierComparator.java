package com.lightningpos.hub.consistency;

import com.lightningpos.etl.sync.TableComparison;
import com.lightningpos.etl.sync.TableSummary;
import com.lightningpos.etl.sync.TierSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether one table differs across the three tiers. A tier takes part only when it can be
 * compared (the caller says why not otherwise: no or a stale shop report, changes still travelling);
 * then any two compared tiers that disagree on the count or the checksum make the table differ.
 */
final class TierComparator {

    private TierComparator() {
    }

    /** One tier's summary, whether it takes part, and if not why. */
    record Tier(String name, TableSummary summary, String leftOutBecause) {

        static Tier compared(String name, TableSummary summary) {
            return new Tier(name, summary, null);
        }

        static Tier leftOut(String name, TableSummary summary, String because) {
            return new Tier(name, summary, because);
        }

        boolean takesPart() {
            return summary != null && leftOutBecause == null;
        }
    }

    static TableComparison compare(String table, Tier shop, Tier replica, Tier hub) {
        List<Tier> compared = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Tier tier : List.of(shop, replica, hub)) {
            if (tier.takesPart()) {
                compared.add(tier);
            } else if (tier.leftOutBecause() != null) {
                notes.add(tier.leftOutBecause());
            }
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            for (int j = i + 1; j < compared.size(); j++) {
                Tier a = compared.get(i);
                Tier b = compared.get(j);
                if (!same(a.summary(), b.summary())) {
                    differences.add(a.name() + " " + describe(a.summary()) + " ≠ " + b.name() + " " + describe(b.summary()));
                }
            }
        }
        notes.addAll(0, differences);
        return new TableComparison(table, TierSummary.of(shop.summary()), TierSummary.of(replica.summary()),
                TierSummary.of(hub.summary()), !differences.isEmpty(), notes.isEmpty() ? null : String.join("; ", notes));
    }

    private static boolean same(TableSummary a, TableSummary b) {
        return a.rows() == b.rows() && a.checksum().equals(b.checksum());
    }

    private static String describe(TableSummary s) {
        return s.rows() + " rows/" + s.checksum();
    }
}
