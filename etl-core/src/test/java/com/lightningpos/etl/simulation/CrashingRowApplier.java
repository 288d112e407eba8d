package com.lightningpos.etl.simulation;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.change.SyncedTable;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The replica store's row applier with the hub's crash switch in front, so the hub can die in the
 * middle of applying a pushed batch (the replica's own SQLite statements are not seen by jOOQ
 * listeners of the hub's PostgreSQL connection).
 */
final class CrashingRowApplier extends RowApplier {

    private final CrashSwitch crash;

    CrashingRowApplier(CrashSwitch crash) {
        this.crash = crash;
    }

    @Override
    public void apply(DSLContext tx, SyncedTable table, ChangeOp op, String recordId, Map<String, Object> payload) {
        crash.step("while applying a row to a replica");
        super.apply(tx, table, op, recordId, payload);
    }
}
