package com.lightningpos.pos.sync;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.client.HubCallException;
import com.lightningpos.etl.sync.client.SyncClient;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a joined till's history is the same on the hub side. Only the shop-owned tables count:
 * the catalog is the hub's by design, and items still waiting as proposals live on the till alone.
 */
final class JoinVerification {

    private static final Set<String> HISTORY = SyncedTable.shopOwned().stream().map(SyncedTable::tableName).collect(Collectors.toSet());

    private JoinVerification() {
    }

    /** The history tables whose count or checksum differ between this till and its replica. */
    static List<String> differingHistoryTables(SyncClient client) throws TransportException, HubCallException {
        return client.consistencyDifferences().stream().filter(HISTORY::contains).toList();
    }
}
