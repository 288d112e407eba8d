package com.lightningpos.hub.join;

import static com.lightningpos.db.hub.Tables.CATALOG_PROPOSALS;
import static com.lightningpos.db.hub.Tables.SHOP_JOINS;
import static com.lightningpos.db.hub.Tables.SYNC_CONFLICTS;

import com.lightningpos.db.hub.tables.records.ItemsRecord;
import com.lightningpos.db.hub.tables.records.ShopJoinsRecord;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.hub.WireValues;
import com.lightningpos.etl.sync.JoinCatalogRequest;
import com.lightningpos.etl.sync.JoinCatalogResponse;
import com.lightningpos.etl.sync.JoinState;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.sync.SyncApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The hub's side of a standalone till joining the chain: matches its catalog (the hub's row wins;
 * price or name differences become conflicts, unmatched items proposals), records the join and
 * takes the till's verified / undone reports. Every call is safe to repeat.
 */
@Service
public class JoinService {

    /** The {@code sync_conflicts.rule} of a matched till item whose price or name differs. */
    public static final String CONFLICT_RULE = "join_catalog_match";

    private static final Logger log = LoggerFactory.getLogger(JoinService.class);

    private final DSLContext db;
    private final CatalogMatcher matcher;
    private final ReplicaStore replicas;
    private final AuditLog audit;
    private final Clock clock;

    JoinService(DSLContext db, CatalogMatcher matcher, ReplicaStore replicas, AuditLog audit, Clock clock) {
        this.db = db;
        this.matcher = matcher;
        this.replicas = replicas;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Matches the till's catalog and records what it found, all in one transaction. A repeated
     * request (lost answer, till crash) is matched again against the same hub catalog, giving the
     * same answer; conflicts and proposals it already recorded are not recorded twice.
     */
    public JoinCatalogResponse matchCatalog(UUID shopId, JoinCatalogRequest request) {
        List<UUID> localIds = checkedIds(request);
        if (request.historyChanges() < 0) {
            throw new SyncApiException(HttpStatus.BAD_REQUEST, Codes.BAD_BATCH, "historyChanges must not be negative.");
        }
        long replicaSeq = replicas.exists(shopId.toString()) ? replicas.highWaterSeq(shopId.toString()) : 0;
        List<CatalogMatcher.Match> matches = db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            // Locks the shop's join row first: two copies of the request racing are serialised here,
            // so the second sees the first's conflicts and proposals.
            startOrLock(tx, shopId, request.historyChanges(), replicaSeq);
            List<CatalogMatcher.Match> found = matcher.match(tx, request.items(), localIds);
            for (CatalogMatcher.Match match : found) {
                if (match.matched()) {
                    recordDifference(tx, shopId, match);
                } else {
                    propose(tx, shopId, match);
                }
            }
            tx.update(SHOP_JOINS)
                    .set(SHOP_JOINS.HISTORY_CHANGES, request.historyChanges())
                    .set(SHOP_JOINS.ITEMS_SENT, found.size())
                    .set(SHOP_JOINS.MATCHED, count(found, JoinCatalogResponse.MATCHED))
                    .set(SHOP_JOINS.PROPOSED, count(found, JoinCatalogResponse.PROPOSED))
                    .set(SHOP_JOINS.PROBLEMS, count(found, JoinCatalogResponse.PROBLEM))
                    .where(SHOP_JOINS.SHOP_ID.eq(shopId))
                    .execute();
            return found;
        });
        log.info("Shop {} joined with {} items ({} matched, {} proposed, {} problems), {} history changes", shopId,
                matches.size(), count(matches, JoinCatalogResponse.MATCHED), count(matches, JoinCatalogResponse.PROPOSED),
                count(matches, JoinCatalogResponse.PROBLEM), request.historyChanges());
        return new JoinCatalogResponse(matches.stream().map(JoinService::outcome).toList());
    }

    /** The till found shop, replica and hub consistent: the join can no longer be undone. */
    public JoinState verified(UUID shopId) {
        return finish(shopId, true);
    }

    /** The till went back to its pre-enrolment database. */
    public JoinState undone(UUID shopId) {
        return finish(shopId, false);
    }

    /**
     * Head office records an undo the till could not report (its best-effort call found no hub).
     * Same rules as the till's report; audit-logged.
     */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public JoinState markUndone(UUID shopId) {
        try {
            return db.transactionResult(cfg -> {
                JoinState state = finish(cfg.dsl(), shopId, false);
                audit.record(cfg.dsl(), "join.undone", shopId.toString(), "marked undone by head office");
                return state;
            });
        } catch (SyncApiException e) {
            throw new ProblemException(e.status(), e.code(), e.getMessage());
        }
    }

    private JoinState finish(UUID shopId, boolean verified) {
        return db.transactionResult(cfg -> finish(cfg.dsl(), shopId, verified));
    }

    private JoinState finish(DSLContext tx, UUID shopId, boolean verified) {
        ShopJoinsRecord join = tx.selectFrom(SHOP_JOINS).where(SHOP_JOINS.SHOP_ID.eq(shopId)).forUpdate().fetchOne();
        if (join == null) {
            throw new SyncApiException(HttpStatus.NOT_FOUND, Codes.JOIN_NOT_STARTED,
                    "This shop has not sent its catalog for a join.");
        }
        if (verified ? join.getUndoneAt() != null : join.getVerifiedAt() != null) {
            throw new SyncApiException(HttpStatus.CONFLICT, Codes.JOIN_FINISHED, verified
                    ? "This join was undone; enrol and join again."
                    : "This join was verified; it can no longer be undone.");
        }
        if (verified && join.getVerifiedAt() == null) {
            join.setVerifiedAt(now());
            join.store();
            log.info("Shop {} verified its join", shopId);
        } else if (!verified && join.getUndoneAt() == null) {
            join.setUndoneAt(now());
            join.store();
            log.warn("Shop {} undid its join (back to its pre-enrolment database)", shopId);
        }
        return state(join);
    }

    static JoinState state(ShopJoinsRecord join) {
        String state = join.getVerifiedAt() != null ? JoinState.VERIFIED
                : join.getUndoneAt() != null ? JoinState.UNDONE : JoinState.STARTED;
        return new JoinState(join.getShopId().toString(), state, join.getStartedAt().toInstant(),
                join.getVerifiedAt() == null ? null : join.getVerifiedAt().toInstant(),
                join.getUndoneAt() == null ? null : join.getUndoneAt().toInstant());
    }

    private void startOrLock(DSLContext tx, UUID shopId, long historyChanges, long replicaSeq) {
        tx.insertInto(SHOP_JOINS)
                .set(SHOP_JOINS.SHOP_ID, shopId)
                .set(SHOP_JOINS.STARTED_AT, now())
                .set(SHOP_JOINS.HISTORY_CHANGES, historyChanges)
                .set(SHOP_JOINS.HISTORY_BASE_SEQ, replicaSeq)
                .onConflict(SHOP_JOINS.SHOP_ID).doNothing()
                .execute();
        ShopJoinsRecord join = tx.selectFrom(SHOP_JOINS).where(SHOP_JOINS.SHOP_ID.eq(shopId)).forUpdate().fetchSingle();
        if (join.getUndoneAt() != null) {
            // Joining again after an undo (new enrolment): a fresh start for the progress figures.
            join.setStartedAt(now());
            join.setHistoryBaseSeq(replicaSeq);
            join.setUndoneAt(null);
            join.setVerifiedAt(null);
            join.store();
        }
    }

    private static List<UUID> checkedIds(JoinCatalogRequest request) {
        List<UUID> ids = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (JoinCatalogRequest.Item item : request.items()) {
            UUID id;
            try {
                id = item == null || item.id() == null ? null : UUID.fromString(item.id());
            } catch (IllegalArgumentException e) {
                id = null;
            }
            if (id == null) {
                throw new SyncApiException(HttpStatus.BAD_REQUEST, Codes.BAD_ITEM,
                        "Every item needs its id (a UUID); got " + (item == null ? "null" : item.id()) + ".");
            }
            if (!seen.add(id)) {
                throw new SyncApiException(HttpStatus.BAD_REQUEST, Codes.BAD_ITEM, "Item " + id + " is sent twice.");
            }
            // PostgreSQL text and jsonb cannot hold U+0000: refused here, not as a 500 from the insert.
            if (Stream.of(item.sku(), item.barcode(), item.name(), item.unit(), item.taxRateId(), item.categoryId())
                    .anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                throw new SyncApiException(HttpStatus.BAD_REQUEST, Codes.BAD_ITEM, "Item " + id + " holds a NUL character.");
            }
            ids.add(id);
        }
        return ids;
    }

    /** A matched item whose price or name differs: the hub's row stands, head office reviews the till's. */
    private static void recordDifference(DSLContext tx, UUID shopId, CatalogMatcher.Match match) {
        ItemsRecord hub = match.hubItem();
        boolean priceDiffers = !Objects.equals(match.item().priceCents(), hub.getPriceCents());
        boolean nameDiffers = !Objects.equals(match.name(), hub.getName());
        if (!priceDiffers && !nameDiffers) {
            return;
        }
        boolean recorded = tx.fetchExists(SYNC_CONFLICTS, SYNC_CONFLICTS.SHOP_ID.eq(shopId),
                SYNC_CONFLICTS.RECORD_ID.eq(hub.getId()), SYNC_CONFLICTS.RULE.eq(CONFLICT_RULE));
        if (recorded) {
            return;
        }
        Map<String, Object> hubVersion = hubWire(hub);
        // Re-keyed to the hub item: the hub's row with the till's price and name. Only what the
        // conflict is about differs, so settling it with "re-apply" changes exactly those two and
        // never writes the till's (perhaps mistyped) SKU or barcode over the hub's.
        Map<String, Object> tillVersion = new LinkedHashMap<>(hubVersion);
        tillVersion.put("name", match.name());
        tillVersion.put("price_cents", match.item().priceCents());
        tx.insertInto(SYNC_CONFLICTS)
                .set(SYNC_CONFLICTS.SHOP_ID, shopId)
                .set(SYNC_CONFLICTS.TABLE_NAME, SyncedTable.ITEMS.tableName())
                .set(SYNC_CONFLICTS.RECORD_ID, hub.getId())
                .set(SYNC_CONFLICTS.SHOP_VERSION, JSONB.valueOf(new String(SyncJson.write(tillVersion))))
                .set(SYNC_CONFLICTS.HUB_VERSION, JSONB.valueOf(new String(SyncJson.write(hubVersion))))
                .set(SYNC_CONFLICTS.HUB_HLC, hub.getLastModifiedAt())
                .set(SYNC_CONFLICTS.RULE, CONFLICT_RULE)
                .set(SYNC_CONFLICTS.WINNER, "hub")
                .set(SYNC_CONFLICTS.STATUS, "open")
                .execute();
    }

    private static void propose(DSLContext tx, UUID shopId, CatalogMatcher.Match match) {
        JoinCatalogRequest.Item item = match.item();
        Map<String, Object> tillRow = new LinkedHashMap<>();
        tillRow.put("id", item.id());
        tillRow.put("sku", item.sku());
        tillRow.put("barcode", item.barcode());
        tillRow.put("name", item.name());
        tillRow.put("price_cents", item.priceCents());
        tillRow.put("unit", item.unit());
        tillRow.put("tax_rate_id", item.taxRateId());
        tillRow.put("category_id", item.categoryId());
        tx.insertInto(CATALOG_PROPOSALS)
                .set(CATALOG_PROPOSALS.SHOP_ID, shopId)
                .set(CATALOG_PROPOSALS.ITEM_ID, match.localId())
                .set(CATALOG_PROPOSALS.SKU, match.sku())
                .set(CATALOG_PROPOSALS.BARCODE, match.barcode())
                .set(CATALOG_PROPOSALS.NAME, match.name())
                .set(CATALOG_PROPOSALS.PRICE_CENTS, item.priceCents())
                .set(CATALOG_PROPOSALS.PAYLOAD, JSONB.valueOf(new String(SyncJson.write(tillRow))))
                .set(CATALOG_PROPOSALS.NOTES, JSONB.valueOf(new String(SyncJson.write(match.notes()))))
                .onConflict(CATALOG_PROPOSALS.SHOP_ID, CATALOG_PROPOSALS.ITEM_ID).doNothing()
                .execute();
    }

    private static JoinCatalogResponse.ItemOutcome outcome(CatalogMatcher.Match match) {
        ItemsRecord hub = match.matched() ? match.hubItem() : null;
        return new JoinCatalogResponse.ItemOutcome(match.item().id(), match.outcome(),
                hub == null ? null : hub.getId().toString(), hub == null ? null : hubWire(hub), match.notes());
    }

    /** The hub's row exactly as the sync protocol sends it in an items change. */
    private static Map<String, Object> hubWire(ItemsRecord hub) {
        return WireValues.toWire(hub, SyncedTable.ITEMS.shopTable());
    }

    private static int count(List<CatalogMatcher.Match> matches, String outcome) {
        return (int) matches.stream().filter(m -> m.outcome().equals(outcome)).count();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
