package com.lightningpos.etl.sync.replica;

import static com.lightningpos.etl.sync.SyncProtocol.Codes.BAD_BATCH;
import static com.lightningpos.etl.sync.SyncProtocol.Codes.BAD_OP;
import static com.lightningpos.etl.sync.SyncProtocol.Codes.BAD_ROW;
import static com.lightningpos.etl.sync.SyncProtocol.Codes.BATCH_TOO_LARGE;
import static com.lightningpos.etl.sync.SyncProtocol.Codes.HLC_TOO_FAR_AHEAD;
import static com.lightningpos.etl.sync.SyncProtocol.Codes.SHOP_MISMATCH;
import static com.lightningpos.etl.sync.SyncProtocol.Codes.UNKNOWN_TABLE;
import static com.lightningpos.etl.sync.replica.BatchRejectedException.forbidden;
import static com.lightningpos.etl.sync.replica.BatchRejectedException.invalid;

import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.clock.HlcTooFarAheadException;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.etl.sync.PushRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks a pushed batch before anything is written (validate_shop_access and the protocol's
 * 400s): a shop may only write its own rows, into known tables, with known operations, in a
 * bounded batch whose timestamps are not from the far future. One bad row refuses the batch.
 */
public final class BatchValidator {

    public static final int DEFAULT_MAX_ROWS = 1000;

    private final HybridLogicalClock clock;
    private final int maxRows;

    public BatchValidator(Clock clock, Duration maxClockDrift, int maxRows) {
        this.clock = new HybridLogicalClock(clock, "hub-validator", maxClockDrift);
        this.maxRows = maxRows;
    }

    public static BatchValidator defaults(Clock clock) {
        return new BatchValidator(clock, HybridLogicalClock.DEFAULT_MAX_DRIFT, DEFAULT_MAX_ROWS);
    }

    public int maxRows() {
        return maxRows;
    }

    public void validate(String shopId, PushRequest batch) {
        if (batch.shopId() != null && !batch.shopId().equals(shopId)) {
            throw forbidden(SHOP_MISMATCH, "The batch names shop " + batch.shopId() + " but was sent for shop " + shopId + ".");
        }
        if (batch.rows().size() > maxRows) {
            throw invalid(BATCH_TOO_LARGE, "A batch may hold at most " + maxRows + " rows; this one has " + batch.rows().size() + ".");
        }
        if (batch.firstSeq() < 1 || batch.lastSeq() < batch.firstSeq()) {
            throw invalid(BAD_BATCH, "The batch range " + batch.firstSeq() + ".." + batch.lastSeq() + " is not valid.");
        }
        long previous = batch.firstSeq() - 1;
        for (ChangeRow row : batch.rows()) {
            if (row == null) {
                throw invalid(BAD_ROW, "The batch holds an empty row.");
            }
            if (row.seq() <= previous || row.seq() > batch.lastSeq()) {
                throw invalid(BAD_BATCH, "Row seq " + row.seq() + " is out of order or outside the batch range "
                        + batch.firstSeq() + ".." + batch.lastSeq() + ".");
            }
            previous = row.seq();
            validateRow(shopId, row);
        }
    }

    private void validateRow(String shopId, ChangeRow row) {
        SyncedTable table = SyncedTable.byName(row.table())
                .orElseThrow(() -> invalid(UNKNOWN_TABLE, "Row " + row.seq() + ": table " + row.table() + " is not synced."));
        if (row.op() == null) {
            throw invalid(BAD_OP, "Row " + row.seq() + ": the operation must be INSERT, UPDATE or DELETE.");
        }
        if (row.recordId() == null || row.recordId().isBlank() || row.payload() == null) {
            throw invalid(BAD_ROW, "Row " + row.seq() + ": recordId and payload are required.");
        }
        Object payloadId = row.payload().get("id");
        if (payloadId != null && !payloadId.toString().equals(row.recordId())) {
            throw invalid(BAD_ROW, "Row " + row.seq() + ": the payload's id differs from recordId.");
        }
        if (row.shopId() != null && !row.shopId().equals(shopId)) {
            throw forbidden(SHOP_MISMATCH, "Row " + row.seq() + " was made by shop " + row.shopId() + ", not by shop " + shopId + ".");
        }
        if (!table.isCatalog() && !Objects.equals(String.valueOf(row.payload().get("shop_id")), shopId)) {
            throw forbidden(SHOP_MISMATCH, "Row " + row.seq() + " (" + row.table() + ") belongs to shop "
                    + row.payload().get("shop_id") + "; a shop may only write its own rows.");
        }
        if (row.hlc() != null) {
            checkTimestamp(table, row);
        }
    }

    /**
     * HLCs decide catalog conflicts, so a catalog edit stamped far in the future would win every
     * later conflict: refused. A shop's own rows (sales, sessions, expenses) never meet another
     * writer, so a till whose clock is hours fast still uploads its sales; only a malformed stamp
     * is refused there.
     */
    private void checkTimestamp(SyncedTable table, ChangeRow row) {
        Hlc hlc;
        try {
            hlc = Hlc.parse(row.hlc());
        } catch (IllegalArgumentException e) {
            throw invalid(BAD_ROW, "Row " + row.seq() + ": " + e.getMessage());
        }
        if (!table.isCatalog()) {
            return;
        }
        try {
            clock.checkNotTooFarAhead(hlc);
        } catch (HlcTooFarAheadException e) {
            throw invalid(HLC_TOO_FAR_AHEAD, "Row " + row.seq() + ": " + e.getMessage());
        }
    }
}
