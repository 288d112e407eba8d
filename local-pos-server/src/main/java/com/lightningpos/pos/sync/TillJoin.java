package com.lightningpos.pos.sync;

import static com.lightningpos.db.shop.Tables.ITEMS;
import static com.lightningpos.db.shop.Tables.SHOP_CONFIG;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.SYNC_STATE;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.sync.JoinCatalogRequest;
import com.lightningpos.etl.sync.JoinCatalogResponse;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.client.HubCallException;
import com.lightningpos.etl.sync.client.SyncStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A till that sold standalone joining the chain (docs/sync-protocol.md, "Joining a standalone
 * till"). Steps, each recorded in {@code join.json} only after it has taken effect, so a crash
 * between two steps repeats the unfinished one and never skips it:
 * <ol>
 *   <li>before enrolling: a {@code VACUUM INTO} copy of the database ({@code pre-enrolment-<UTC>.db}),
 *       state {@code started};</li>
 *   <li>after enrolling: the till's catalog goes to the hub, which matches it against its own;</li>
 *   <li>the answer is applied ({@link CatalogAnswerApplier}), the shop id adopted, the outbox
 *       continued after the hub's high-water mark; state {@code catalog_matched};</li>
 *   <li>the history uploads through the normal push, with progress in the sync status;</li>
 *   <li>when everything is up, the three tiers are compared; equal → state {@code verified}.</li>
 * </ol>
 * Until verified, {@code --pos.undo-enrolment=true} puts the copy back ({@link UndoEnrolment}).
 */
final class TillJoin {

    private static final Logger log = LoggerFactory.getLogger(TillJoin.class);
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final DSLContext db;
    private final Clock clock;
    private final JoinFile file;
    private final CatalogAnswerApplier applier = new CatalogAnswerApplier();

    TillJoin(Path dataDir, DSLContext db, Clock clock) {
        this.dataDir = dataDir;
        this.db = db;
        this.clock = clock;
        this.file = new JoinFile(dataDir);
    }

    Optional<JoinRecord> record() {
        return file.readQuietly();
    }

    /**
     * Step 1, before the enrolment code is spent: keeps the database as it is, if the till has
     * anything of its own (sales, catalog edits, items). A till that never did anything simply enrols.
     */
    void beforeEnrolment() {
        Optional<JoinRecord> current = file.read().filter(r -> !r.is(JoinRecord.UNDONE));
        // A copy from an earlier attempt whose enrolment never went through (hub unreachable) stays
        // only while the till has not sold since: otherwise the undo would put back a database
        // without those standalone sales.
        if (current.isPresent() && !(current.get().is(JoinRecord.STARTED) && soldSinceCopy(current.get()))
                || current.isEmpty() && !hasStandaloneData()) {
            return;
        }
        Instant now = clock.instant();
        String name = "pre-enrolment-" + STAMP.format(now) + ".db";
        if (current.isPresent() && current.get().preEnrolmentFile().equals(name)) {
            return; // the same second: the copy cannot get a new name yet; the next attempt takes it
        }
        copyDatabase(dataDir.resolve(name));
        String standaloneId = db.select(SHOP_CONFIG.ID).from(SHOP_CONFIG).limit(1).fetchOne(SHOP_CONFIG.ID);
        file.write(JoinRecord.started(now.toString(), name, standaloneId));
        log.info("Join: the database before enrolment is kept as {}", name);
        if (current.isPresent()) {
            try {
                Files.deleteIfExists(dataDir.resolve(current.get().preEnrolmentFile()));
            } catch (IOException e) {
                log.warn("Join: the superseded copy {} could not be deleted: {}", current.get().preEnrolmentFile(), e.toString());
            }
        }
    }

    /** True when the outbox holds changes the pre-enrolment copy lacks (or the copy is gone). */
    private boolean soldSinceCopy(JoinRecord started) {
        Path copy = dataDir.resolve(started.preEnrolmentFile());
        if (!Files.isRegularFile(copy)) {
            return true;
        }
        long live = db.select(DSL.coalesce(DSL.max(SYNC_CHANGES.SEQ), 0L)).from(SYNC_CHANGES).fetchOne(0, Long.class);
        return db.connectionResult(c -> {
            try (var s = c.createStatement()) {
                s.execute("ATTACH DATABASE '" + copy.toAbsolutePath().toString().replace("'", "''") + "' AS pre_enrolment");
                try (var rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM pre_enrolment.sync_changes")) {
                    return rs.next() && rs.getLong(1) < live;
                } finally {
                    s.execute("DETACH DATABASE pre_enrolment");
                }
            }
        });
    }

    /** Notes what the enrolment answered, for the steps after it. */
    void enrolled(String shopId, long hubHighWaterSeq) {
        file.read().filter(r -> r.is(JoinRecord.STARTED)).ifPresent(r -> file.write(r.enrolled(shopId, hubHighWaterSeq)));
    }

    /** True while the catalog has not been matched: nothing may be pushed before that. */
    boolean awaitingCatalog() {
        return file.read().map(r -> r.is(JoinRecord.STARTED)).orElse(false);
    }

    /** True when the history is at the hub side and the three tiers still have to be compared. */
    boolean awaitingVerification() {
        return file.readQuietly().map(r -> r.is(JoinRecord.CATALOG_MATCHED)).orElse(false);
    }

    /** Steps 2 and 3. Repeating it (the answer was lost, the till crashed) gets and applies the same answer. */
    void matchCatalog(JoinHub hub, StoredCredentials credentials) throws TransportException, HubCallException {
        JoinRecord started = file.read().filter(r -> r.is(JoinRecord.STARTED)).orElseThrow();
        long history = db.fetchCount(SYNC_CHANGES, SYNC_CHANGES.SYNC_STATUS.ne("synced"), SYNC_CHANGES.TABLE_NAME.notIn(catalogTables()));
        JoinCatalogResponse answer = hub.catalog(new JoinCatalogRequest(history, localItems()));
        applier.apply(db, answer);
        OutboxContinuation.continueAfter(db, started.hubHighWaterSeq());
        IdentityAdoption.adopt(db, credentials.shopId(), credentials.shopName(), credentials.hubUrl(), credentials.enrolledAt());
        long cursor = salesCursor();
        long total = db.fetchCount(SYNC_CHANGES, SYNC_CHANGES.SEQ.gt(cursor));
        long last = db.select(DSL.coalesce(DSL.max(SYNC_CHANGES.SEQ), cursor)).from(SYNC_CHANGES).fetchOne(0, Long.class);
        JoinRecord matched = started.enrolled(credentials.shopId(), started.hubHighWaterSeq())
                .catalogMatched(clock.instant().toString(), total, last, answer);
        file.write(matched);
        log.info("Join: catalog matched ({} matched, {} proposed, {} problem(s)); {} change(s) of history to upload",
                matched.matched(), matched.proposed(), matched.problems(), total);
    }

    /** Step 5's last part: the hub has been told; the join can no longer be undone. */
    void markVerified(JoinHub hub) throws TransportException, HubCallException {
        JoinRecord r = file.read().filter(x -> x.is(JoinRecord.CATALOG_MATCHED)).orElseThrow();
        hub.verified();
        file.write(r.verified(clock.instant().toString()));
        log.info("Join verified: shop, replica and hub hold the same history; the pre-enrolment copy {} may be archived",
                r.preEnrolmentFile());
    }

    /** The history part of the sync status, or null when this till never joined. */
    SyncStatus.History history() {
        Optional<JoinRecord> found = file.readQuietly();
        if (found.isEmpty()) {
            return null;
        }
        JoinRecord r = found.get();
        if (r.historyTotal() == null || r.historyLastSeq() == null) {
            return new SyncStatus.History(0, 0, 0, null, r.state());
        }
        long total = r.historyTotal();
        long first = r.historyLastSeq() - total + 1;
        long uploaded = Math.max(0, Math.min(total, salesCursor() - first + 1));
        long remaining = total - uploaded;
        return new SyncStatus.History(total, uploaded, remaining, eta(r, uploaded, remaining), r.state());
    }

    /** From the pace so far since the catalog was matched; unknown until something went up. */
    private Long eta(JoinRecord r, long uploaded, long remaining) {
        if (remaining == 0) {
            return 0L;
        }
        if (uploaded == 0 || r.catalogMatchedAt() == null) {
            return null;
        }
        try {
            long elapsedMillis = Math.max(1, Duration.between(Instant.parse(r.catalogMatchedAt()), clock.instant()).toMillis());
            return (long) Math.ceil(remaining * (elapsedMillis / 1000.0) / uploaded);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private long salesCursor() {
        return db.select(SYNC_STATE.CURSOR).from(SYNC_STATE).where(SYNC_STATE.STREAM.eq(SyncStream.SALES_UP.key()))
                .fetchOptional(SYNC_STATE.CURSOR).orElse(0L);
    }

    private boolean hasStandaloneData() {
        return db.fetchExists(SYNC_CHANGES) || db.fetchExists(ITEMS);
    }

    private List<JoinCatalogRequest.Item> localItems() {
        return db.selectFrom(ITEMS).where(ITEMS.DELETED.isFalse()).orderBy(ITEMS.ID).fetch(i -> new JoinCatalogRequest.Item(
                i.getId(), i.getSku(), i.getBarcode(), i.getName(), i.getPriceCents(), i.getUnit(), i.getTaxRateId(), i.getCategoryId()));
    }

    private static List<String> catalogTables() {
        return SyncedTable.catalog().stream().map(SyncedTable::tableName).toList();
    }

    /** A consistent copy from a live connection: written under a temporary name, renamed when whole. */
    private void copyDatabase(Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            db.connection(c -> {
                try (var s = c.createStatement()) {
                    s.execute("VACUUM INTO '" + partial.toAbsolutePath().toString().replace("'", "''") + "'");
                }
            });
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the pre-enrolment database as " + target, e);
        }
    }
}
