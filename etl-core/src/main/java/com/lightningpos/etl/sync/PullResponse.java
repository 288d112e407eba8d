package com.lightningpos.etl.sync;

import com.lightningpos.etl.change.ChangeRow;
import java.util.List;

/**
 * One page of hub changes for a shop.
 *
 * @param rows       changes after the requested cursor, ascending by their {@code seq}
 * @param nextCursor the cursor to send next time (the last row's seq, or the request's cursor)
 * @param hasMore    whether more changes follow this page
 * @param remaining  how many changes follow this page (for progress bars)
 */
public record PullResponse(List<ChangeRow> rows, long nextCursor, boolean hasMore, long remaining) {

    public PullResponse {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
