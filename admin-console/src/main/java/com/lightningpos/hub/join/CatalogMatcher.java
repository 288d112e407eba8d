package com.lightningpos.hub.join;

import static com.lightningpos.db.hub.Tables.ITEMS;

import com.lightningpos.db.hub.tables.records.ItemsRecord;
import com.lightningpos.etl.catalog.CatalogNormaliser;
import com.lightningpos.etl.sync.JoinCatalogRequest;
import com.lightningpos.etl.sync.JoinCatalogResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Decides, for each item of a joining till, which live hub item it is: by id (an item head office
 * already accepted from this till), else by normalised barcode, else by barcode with a corrected
 * check digit, else by SKU (case-insensitive). Reads only; deterministic for the same request and
 * hub catalog, which is what makes a repeated join request give the same answer.
 */
@Component
class CatalogMatcher {

    /** Notes that explain a match or a problem (wire names, shown in the console as they are). */
    static final String MATCHED_BY_ID = "matched_by_id";
    static final String MATCHED_BY_BARCODE = "matched_by_barcode";
    static final String MATCHED_BY_SKU = "matched_by_sku";
    static final String NO_HUB_ITEM = "no_matching_hub_item";
    static final String SKU_BLANK = "sku_blank";
    static final String NAME_BLANK = "name_blank";
    static final String PRICE_MISSING = "price_missing";
    static final String BARCODE_DUPLICATED_IN_TILL = "barcode_duplicated_in_till";
    static final String SKU_MATCHES_SEVERAL_HUB_ITEMS = "sku_matches_several_hub_items";
    static final String HUB_ITEM_MATCHED_TWICE = "hub_item_matched_twice";

    /** The hub's SKU as compared: whitespace collapsed, lower case (as {@link CatalogNormaliser#skuKey}). */
    private static final Field<String> HUB_SKU_KEY =
            DSL.lower(DSL.field("regexp_replace(btrim({0}), '\\s+', ' ', 'g')", String.class, ITEMS.SKU));

    /** One till item with what the hub made of it. */
    record Match(JoinCatalogRequest.Item item, UUID localId, String outcome, ItemsRecord hubItem, List<String> notes,
                 String sku, String barcode, String name) {

        boolean matched() {
            return JoinCatalogResponse.MATCHED.equals(outcome);
        }
    }

    List<Match> match(DSLContext db, List<JoinCatalogRequest.Item> items, List<UUID> localIds) {
        List<CatalogNormaliser.Barcode> barcodes = items.stream().map(i -> CatalogNormaliser.barcode(i.barcode())).toList();
        HubCandidates hub = HubCandidates.load(db, localIds, barcodes,
                items.stream().map(i -> CatalogNormaliser.skuKey(i.sku())).toList());
        Map<String, Integer> tillBarcodeUses = new HashMap<>();
        for (CatalogNormaliser.Barcode barcode : barcodes) {
            if (barcode.present()) {
                for (String code : barcode.exact()) {
                    tillBarcodeUses.merge(code, 1, Integer::sum);
                }
            }
        }
        Set<UUID> claimed = new HashSet<>();
        // A till item that already is a hub item (its id) keeps it whatever the order of the request:
        // a till resending its catalog after applying an answer must not see another of its items
        // merged into that hub item, nor that item proposed under the hub item's id.
        Set<UUID> heldById = new HashSet<>(localIds);
        heldById.retainAll(hub.byId.keySet());
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JoinCatalogRequest.Item item = items.get(i);
            CatalogNormaliser.Barcode barcode = barcodes.get(i);
            String sku = CatalogNormaliser.text(item.sku());
            String name = CatalogNormaliser.text(item.name());
            List<String> notes = new ArrayList<>(barcode.notes());
            if (sku != null && !sku.equals(item.sku())) {
                notes.add(CatalogNormaliser.SKU_WHITESPACE_NORMALISED);
            }
            if (name != null && !name.equals(item.name())) {
                notes.add(CatalogNormaliser.NAME_WHITESPACE_NORMALISED);
            }
            List<String> problems = new ArrayList<>();
            if (sku == null) {
                problems.add(SKU_BLANK);
            }
            if (name == null) {
                problems.add(NAME_BLANK);
            }
            if (item.priceCents() == null || item.priceCents() < 0) {
                problems.add(PRICE_MISSING);
            }
            if (barcode.present() && barcode.exact().stream().anyMatch(code -> tillBarcodeUses.get(code) > 1)) {
                problems.add(BARCODE_DUPLICATED_IN_TILL);
            }
            ItemsRecord found = null;
            if (problems.isEmpty()) {
                found = hub.byId.get(localIds.get(i));
                if (found != null) {
                    notes.add(MATCHED_BY_ID);
                }
                if (found == null) {
                    found = hub.firstByBarcode(barcode.exact());
                    if (found != null) {
                        notes.add(MATCHED_BY_BARCODE);
                    }
                }
                if (found == null) {
                    found = hub.firstByBarcode(barcode.correctedEquivalents());
                    if (found != null) {
                        notes.add(CatalogNormaliser.BARCODE_CHECK_DIGIT_CORRECTED);
                        notes.add(MATCHED_BY_BARCODE);
                    }
                }
                if (found == null) {
                    List<ItemsRecord> bySku = hub.bySku.getOrDefault(CatalogNormaliser.skuKey(sku), List.of());
                    if (bySku.size() == 1) {
                        found = bySku.get(0);
                        notes.add(MATCHED_BY_SKU);
                    } else if (bySku.size() > 1) {
                        problems.add(SKU_MATCHES_SEVERAL_HUB_ITEMS);
                    }
                }
                if (found != null && (heldById.contains(found.getId()) && !found.getId().equals(localIds.get(i))
                        || !claimed.add(found.getId()))) {
                    // Two till items cannot both become one hub item: the till would merge them silently.
                    problems.add(HUB_ITEM_MATCHED_TWICE);
                    found = null;
                }
            }
            String outcome;
            if (!problems.isEmpty()) {
                outcome = JoinCatalogResponse.PROBLEM;
                notes.addAll(problems);
            } else if (found != null) {
                outcome = JoinCatalogResponse.MATCHED;
            } else {
                outcome = JoinCatalogResponse.PROPOSED;
                notes.add(NO_HUB_ITEM);
            }
            matches.add(new Match(item, localIds.get(i), outcome, found, List.copyOf(new LinkedHashSet<>(notes)),
                    sku, barcode.code(), name));
        }
        return matches;
    }

    /** The live hub items the request could match, fetched in three queries whatever its size. */
    private record HubCandidates(Map<UUID, ItemsRecord> byId, Map<String, ItemsRecord> byBarcode,
                                 Map<String, List<ItemsRecord>> bySku) {

        static HubCandidates load(DSLContext db, List<UUID> ids, List<CatalogNormaliser.Barcode> barcodes,
                                  List<String> skuKeys) {
            Set<String> codes = new LinkedHashSet<>();
            for (CatalogNormaliser.Barcode barcode : barcodes) {
                codes.addAll(barcode.exact());
                codes.addAll(barcode.correctedEquivalents());
            }
            Map<UUID, ItemsRecord> byId = new HashMap<>();
            db.selectFrom(ITEMS).where(ITEMS.ID.eq(DSL.any(ids.toArray(UUID[]::new))), ITEMS.DELETED.isFalse())
                    .forEach(r -> byId.put(r.getId(), r));
            Map<String, ItemsRecord> byBarcode = new HashMap<>();
            db.selectFrom(ITEMS).where(ITEMS.BARCODE.eq(DSL.any(codes.toArray(String[]::new))), ITEMS.DELETED.isFalse())
                    .forEach(r -> byBarcode.put(r.getBarcode(), r));
            Map<String, List<ItemsRecord>> bySku = new HashMap<>();
            String[] keys = skuKeys.stream().filter(k -> k != null).distinct().toArray(String[]::new);
            db.select(ITEMS.fields()).select(HUB_SKU_KEY.as("sku_key")).from(ITEMS)
                    .where(HUB_SKU_KEY.eq(DSL.any(keys)), ITEMS.DELETED.isFalse())
                    .orderBy(ITEMS.ID)
                    .forEach(r -> bySku.computeIfAbsent(r.get("sku_key", String.class), k -> new ArrayList<>())
                            .add(r.into(ITEMS)));
            return new HubCandidates(byId, byBarcode, bySku);
        }

        ItemsRecord firstByBarcode(List<String> codes) {
            return codes.stream().map(byBarcode::get).filter(r -> r != null).findFirst().orElse(null);
        }
    }
}
