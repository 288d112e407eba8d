package com.lightningpos.hub.consistency;

import java.util.List;
import java.util.UUID;

/** The command's output: a plain-text table of the shop tables that differ or could not be compared. */
final class ConsistencyTable {

    private ConsistencyTable() {
    }

    static String format(int shopsChecked, List<ConsistencyResult> results) {
        List<ConsistencyResult> differing = results.stream().filter(ConsistencyResult::differs).toList();
        List<ConsistencyResult> leftOut = results.stream().filter(r -> !r.differs() && r.note() != null).toList();
        long shopsDiffering = differing.stream().map(ConsistencyResult::shopId).distinct().count();
        StringBuilder text = new StringBuilder();
        text.append("Consistency check of ").append(shopsChecked).append(shopsChecked == 1 ? " shop: " : " shops: ")
                .append(differing.isEmpty() ? "consistent" : shopsDiffering + (shopsDiffering == 1 ? " shop, " : " shops, ")
                        + differing.size() + (differing.size() == 1 ? " table differs" : " tables differ"))
                .append('\n');
        if (!differing.isEmpty()) {
            text.append('\n').append("DIFFERENCES\n");
            appendTable(text, differing);
        }
        if (!leftOut.isEmpty()) {
            text.append('\n').append("NOT COMPARED (stale or missing shop report, changes still travelling)\n");
            appendTable(text, leftOut);
        }
        return text.toString();
    }

    private static void appendTable(StringBuilder text, List<ConsistencyResult> rows) {
        String format = "%-34s %-22s %-24s %-24s %-24s %s%n";
        text.append(String.format(format, "SHOP", "TABLE", "SHOP (TILL)", "REPLICA", "POSTGRESQL", "NOTE"));
        UUID previous = null;
        for (ConsistencyResult r : rows) {
            String shop = r.shopId().equals(previous) ? "" : abbreviate(r.shopName(), 24) + " " + r.shopId().toString().substring(0, 8);
            previous = r.shopId();
            text.append(String.format(format, shop, r.table(), tier(r.shopRows(), r.shopChecksum()),
                    tier(r.replicaRows(), r.replicaChecksum()), tier(r.hubRows(), r.hubChecksum()), r.note() == null ? "" : r.note()));
        }
    }

    private static String tier(Long rows, String checksum) {
        return rows == null ? "-" : rows + " " + checksum;
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
