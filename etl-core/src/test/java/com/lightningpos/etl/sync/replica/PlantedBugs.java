package com.lightningpos.etl.sync.replica;

import com.lightningpos.etl.change.RowApplier;
import java.nio.file.Path;
import java.time.Clock;

/** Test-only access to the replica store's planted-bug seam, for the simulation in another package. */
public final class PlantedBugs {

    private PlantedBugs() {
    }

    /** A replica store that re-applies rows at or below its high-water mark (repeated batches are not skipped). */
    public static ReplicaStore replicaStoreWithoutHighWaterCheck(Path dir, Clock clock, BatchValidator validator,
                                                                 RowApplier applier) {
        return new ReplicaStore(dir, clock, validator, applier, false);
    }
}
