package com.lightningpos.hub.join;

import static com.lightningpos.db.hub.Tables.CATALOG_PROPOSALS;
import static com.lightningpos.db.hub.Tables.CATEGORIES;
import static com.lightningpos.db.hub.Tables.ITEMS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.TAX_RATES;

import com.fasterxml.jackson.core.type.TypeReference;
import com.lightningpos.db.hub.tables.records.CatalogProposalsRecord;
import com.lightningpos.db.hub.tables.records.ItemsRecord;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.audit.CurrentUser;
import com.lightningpos.hub.catalog.Money;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Head office's decisions on the items joining tills proposed. Accepting creates the hub item under
 * the till's own id (so the joining till keeps its row and every other shop receives it); rejecting
 * writes a tombstone under that id, which removes the item at the joining till (its old sales keep
 * their line names). Each decision is one transaction with its catalog change and audit entry.
 */
@Service
public class ProposalService {

    private static final TypeReference<List<String>> NOTES = new TypeReference<>() { };

    private final DSLContext db;
    private final HubCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;

    ProposalService(DSLContext db, HubCatalog catalog, AuditLog audit, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** Newest first; {@code status} null lists every status. */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public List<ProposalRow> list(ProposalStatus status, int offset, int limit) {
        return db.select(CATALOG_PROPOSALS.fields()).select(SHOPS.NAME)
                .from(CATALOG_PROPOSALS).join(SHOPS).on(SHOPS.ID.eq(CATALOG_PROPOSALS.SHOP_ID))
                .where(withStatus(status))
                .orderBy(CATALOG_PROPOSALS.CREATED_AT.desc(), CATALOG_PROPOSALS.ID.desc())
                .offset(offset).limit(limit)
                .fetch(ProposalService::row);
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public int count(ProposalStatus status) {
        return db.fetchCount(CATALOG_PROPOSALS, withStatus(status));
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public ProposalRow get(long id) {
        return db.select(CATALOG_PROPOSALS.fields()).select(SHOPS.NAME)
                .from(CATALOG_PROPOSALS).join(SHOPS).on(SHOPS.ID.eq(CATALOG_PROPOSALS.SHOP_ID))
                .where(CATALOG_PROPOSALS.ID.eq(id))
                .fetchOptional(ProposalService::row)
                .orElseThrow(() -> ProblemException.notFound("No proposal " + id));
    }

    /** Creates the item at the hub with the till's id; it then travels to every shop. */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public ProposalRow accept(long id) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            CatalogProposalsRecord proposal = openProposal(tx, id);
            if (proposal.getSku() == null || proposal.getName() == null || proposal.getPriceCents() == null
                    || proposal.getPriceCents() < 0) {
                throw ProblemException.conflict("proposal_incomplete", "Proposal " + id
                        + " has no usable SKU, name or price; reject it and create the item in the catalog instead");
            }
            if (proposal.getBarcode() != null && tx.fetchExists(ITEMS, ITEMS.BARCODE.eq(proposal.getBarcode()),
                    ITEMS.ID.ne(proposal.getItemId()))) {
                throw ProblemException.conflict("duplicate_barcode", "Another hub item has barcode "
                        + proposal.getBarcode() + "; reject this proposal (the till then uses the hub's item)");
            }
            Map<String, Object> payload = payload(proposal);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("sku", proposal.getSku());
            values.put("barcode", proposal.getBarcode());
            values.put("name", proposal.getName());
            values.put("price_cents", proposal.getPriceCents());
            values.put("unit", "kg".equals(payload.get("unit")) ? "kg" : "each");
            // The till's own tax rate and category ids mean nothing at the hub unless the hub has them.
            values.put("tax_rate_id", knownId(tx, payload.get("tax_rate_id"), true));
            values.put("category_id", knownId(tx, payload.get("category_id"), false));
            values.put("active", 1L);
            values.put("deleted", 0L);
            catalog.saveFromHub(tx, SyncedTable.ITEMS, proposal.getItemId(), values, CurrentUser.name());
            decide(tx, proposal, ProposalStatus.ACCEPTED);
            audit.record(tx, "proposal.accept", proposal.getItemId().toString(), proposal.getSku() + " "
                    + proposal.getName() + " at " + Money.fromCents(proposal.getPriceCents()).toPlainString() + " from shop " + proposal.getShopId());
        });
        return get(id);
    }

    /** Writes a tombstone under the till's id, which removes the item at the till. */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public ProposalRow reject(long id) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            CatalogProposalsRecord proposal = openProposal(tx, id);
            ItemsRecord existing = tx.selectFrom(ITEMS).where(ITEMS.ID.eq(proposal.getItemId())).fetchOne();
            if (existing != null && !existing.getDeleted()) {
                throw ProblemException.conflict("item_exists", "Hub item " + proposal.getItemId()
                        + " exists and is live; delete it in the catalog if it should go");
            }
            Map<String, Object> tombstone = new LinkedHashMap<>();
            tombstone.put("sku", proposal.getSku() == null ? "rejected" : proposal.getSku());
            tombstone.put("name", proposal.getName() == null ? "rejected" : proposal.getName());
            tombstone.put("price_cents", proposal.getPriceCents() == null || proposal.getPriceCents() < 0 ? 0L
                    : proposal.getPriceCents());
            tombstone.put("unit", "each");
            tombstone.put("barcode", null); // a tombstone must not keep a barcode from a live item
            tombstone.put("tax_rate_id", null);
            tombstone.put("category_id", null);
            tombstone.put("active", 0L);
            tombstone.put("deleted", 1L);
            catalog.saveFromHub(tx, SyncedTable.ITEMS, proposal.getItemId(), tombstone, CurrentUser.name());
            decide(tx, proposal, ProposalStatus.REJECTED);
            audit.record(tx, "proposal.reject", proposal.getItemId().toString(), proposal.getSku() + " "
                    + proposal.getName() + " from shop " + proposal.getShopId());
        });
        return get(id);
    }

    private static CatalogProposalsRecord openProposal(DSLContext tx, long id) {
        CatalogProposalsRecord proposal = tx.selectFrom(CATALOG_PROPOSALS).where(CATALOG_PROPOSALS.ID.eq(id))
                .forUpdate().fetchOne();
        if (proposal == null) {
            throw ProblemException.notFound("No proposal " + id);
        }
        if (!ProposalStatus.OPEN.wire().equals(proposal.getStatus())) {
            throw ProblemException.conflict("proposal_decided", "Proposal " + id + " was " + proposal.getStatus()
                    + " by " + proposal.getDecidedBy() + " already");
        }
        return proposal;
    }

    private void decide(DSLContext tx, CatalogProposalsRecord proposal, ProposalStatus status) {
        proposal.setStatus(status.wire());
        proposal.setDecidedBy(CurrentUser.name());
        proposal.setDecidedAt(clock.instant().atOffset(ZoneOffset.UTC));
        tx.executeUpdate(proposal);
    }

    private static String knownId(DSLContext tx, Object id, boolean taxRate) {
        UUID uuid;
        try {
            uuid = id == null ? null : UUID.fromString(id.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (uuid == null) {
            return null;
        }
        boolean known = taxRate
                ? tx.fetchExists(TAX_RATES, TAX_RATES.ID.eq(uuid), TAX_RATES.DELETED.isFalse())
                : tx.fetchExists(CATEGORIES, CATEGORIES.ID.eq(uuid), CATEGORIES.DELETED.isFalse());
        return known ? uuid.toString() : null;
    }

    private static Map<String, Object> payload(CatalogProposalsRecord proposal) {
        try {
            return SyncJson.mapper().readValue(proposal.getPayload().data(), new TypeReference<>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static Condition withStatus(ProposalStatus status) {
        return status == null ? DSL.noCondition() : CATALOG_PROPOSALS.STATUS.eq(status.wire());
    }

    private static ProposalRow row(Record r) {
        List<String> notes;
        try {
            notes = SyncJson.mapper().readValue(r.get(CATALOG_PROPOSALS.NOTES).data(), NOTES);
        } catch (IOException e) {
            notes = List.of();
        }
        return new ProposalRow(r.get(CATALOG_PROPOSALS.ID), r.get(CATALOG_PROPOSALS.SHOP_ID), r.get(SHOPS.NAME),
                r.get(CATALOG_PROPOSALS.ITEM_ID), r.get(CATALOG_PROPOSALS.SKU), r.get(CATALOG_PROPOSALS.BARCODE),
                r.get(CATALOG_PROPOSALS.NAME), r.get(CATALOG_PROPOSALS.PRICE_CENTS), notes,
                r.get(CATALOG_PROPOSALS.STATUS), r.get(CATALOG_PROPOSALS.DECIDED_BY), r.get(CATALOG_PROPOSALS.DECIDED_AT),
                r.get(CATALOG_PROPOSALS.CREATED_AT));
    }
}
