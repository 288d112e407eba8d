package com.lightningpos.hub.catalog;

import java.util.List;

/**
 * The outcome of a CSV import. When {@code problems} is not empty nothing was imported.
 *
 * @param rows      data rows read (blank lines not counted)
 * @param created   new items
 * @param updated   existing items (matched by SKU) that changed
 * @param unchanged existing items the file left as they were
 */
public record ImportReport(boolean imported, int rows, int created, int updated, int unchanged, List<Problem> problems) {

    /** One bad row: its line in the file (the header is line 1) and what is wrong. */
    public record Problem(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    static ImportReport rejected(int rows, List<Problem> problems) {
        return new ImportReport(false, rows, 0, 0, 0, List.copyOf(problems));
    }
}
