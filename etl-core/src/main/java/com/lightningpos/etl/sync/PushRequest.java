package com.lightningpos.etl.sync;

import com.lightningpos.etl.change.ChangeRow;
import java.util.List;

/**
 * A batch of a shop's outbox rows. The batch covers the shop's sequence range
 * {@code [firstSeq, lastSeq]}; {@code rows} are the changes in that range in ascending {@code seq}
 * order. A range may hold fewer rows than numbers (changes the shop settled locally as conflicts
 * are not sent), so the range, not the rows, says how far the hub's high-water mark moves.
 *
 * @param shopId   the pushing shop; must equal the path's shop id
 * @param firstSeq the first sequence number the batch covers (the shop's last acknowledged + 1)
 * @param lastSeq  the last sequence number the batch covers
 * @param rows     the changes, ascending by seq, each within the range
 */
public record PushRequest(String shopId, long firstSeq, long lastSeq, List<ChangeRow> rows) {

    public PushRequest {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
