package com.lightningpos.pos.sync;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.change.TableChecksum;
import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.etl.sync.ConsistencyReport;
import com.lightningpos.etl.sync.TableComparison;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.etl.sync.client.HubCallException;
import com.lightningpos.etl.sync.client.LocalSyncState;
import com.lightningpos.etl.sync.client.SyncClient;
import com.lightningpos.etl.sync.client.SyncStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Whether a joined till's history is the same at the shop, in its replica and in PostgreSQL: the
 * till posts its own report and the hub compares the three tiers. Only the shop-owned tables count
 * (the catalog is the hub's by design, and items still waiting as proposals live on the till alone),
 * and a table counts as equal only when all three tiers took part: a tier left out (the ETL has not
 * loaded everything yet) means "not yet", never "verified".
 */
final class JoinVerification {

    private static final Set<String> HISTORY = SyncedTable.shopOwned().stream().map(SyncedTable::tableName).collect(Collectors.toSet());

    private JoinVerification() {
    }

    /** The history tables not (yet) shown equal on all three tiers, with the hub's reason. */
    static List<String> unverifiedHistoryTables(DSLContext db, HubApi hub, SyncClient client) throws TransportException, HubCallException {
        ConsistencyReport own = db.transactionResult(c ->
                TableChecksum.report(c.dsl(), new LocalSyncState(c.dsl()).cursor(SyncStream.SALES_UP)));
        ConsistencyComparison comparison;
        try {
            comparison = hub.verifyConsistency(own);
        } catch (HubCallException e) {
            if (e.status() == 404 || e.status() == 405) {
                // A hub without the three-tier check: the replica is the best evidence it offers.
                return client.consistencyDifferences().stream().filter(HISTORY::contains).toList();
            }
            throw e;
        }
        List<String> unverified = new ArrayList<>(comparison.tables().stream()
                .filter(t -> HISTORY.contains(t.table()))
                .filter(t -> t.differs() || t.note() != null || t.shop() == null || t.replica() == null || t.hub() == null)
                .map(JoinVerification::describe)
                .toList());
        // A history table the hub left out of its answer was not shown equal either.
        Set<String> compared = comparison.tables().stream().map(TableComparison::table).collect(Collectors.toSet());
        HISTORY.stream().filter(t -> !compared.contains(t)).sorted().forEach(t -> unverified.add(t + " (not compared)"));
        return unverified;
    }

    private static String describe(TableComparison t) {
        return t.table() + (t.note() == null ? "" : " (" + t.note() + ")");
    }
}
