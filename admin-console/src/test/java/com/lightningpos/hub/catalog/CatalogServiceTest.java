package com.lightningpos.hub.catalog;

import static com.lightningpos.db.hub.Tables.AUDIT_LOG;
import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static com.lightningpos.db.hub.Tables.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.api.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "olivia", roles = "HEAD_OFFICE")
class CatalogServiceTest extends HubTestBase {

    @Autowired
    CatalogService catalog;
    @Autowired
    CategoryService categories;
    @Autowired
    TaxRateService taxRates;
    @Autowired
    HybridLogicalClock hubClock;
    @Autowired
    DSLContext db;

    @Test
    void creating_an_item_stamps_the_hub_hlc_and_records_the_change_and_the_audit_entry() {
        String sku = HubFixtures.unique("SKU");
        Hlc before = hubClock.now();

        ItemRow item = catalog.createItem(new ItemDraft(sku, null, "Oat milk", 189L, null, null, null, null));

        assertThat(item.priceCents()).isEqualTo(189);
        assertThat(item.unit()).isEqualTo("each");
        assertThat(item.active()).isTrue();
        assertThat(item.version()).isEqualTo(1);
        assertThat(item.lastModifiedShopId()).isNull();
        var change = db.selectFrom(CATALOG_CHANGES).where(CATALOG_CHANGES.RECORD_ID.eq(item.id())).fetchSingle();
        assertThat(change.getOp()).isEqualTo("INSERT");
        assertThat(change.getTableName()).isEqualTo("items");
        assertThat(change.getOriginShopId()).isNull();
        assertThat(change.getChangedBy()).isEqualTo("olivia");
        assertThat(change.getHlc()).isEqualTo(item.lastModifiedAt());
        Hlc stamped = Hlc.parse(change.getHlc());
        assertThat(stamped.isAfter(before)).isTrue();
        assertThat(stamped.nodeId()).isEqualTo(hubClock.nodeId());
        assertThat(change.getPayload().data()).contains("\"price_cents\": 189");
        assertThat(audit(item.id())).containsExactly("olivia item.create");
    }

    @Test
    void an_edit_changes_only_the_given_fields_and_appends_an_update_with_a_newer_hlc() {
        ItemRow item = catalog.createItem(new ItemDraft(HubFixtures.unique("SKU"), HubFixtures.unique("BC"), "Rye bread",
                320L, null, null, "each", true));

        ItemRow edited = catalog.updateItem(item.id(), ItemChanges.fromJson(Map.of("priceCents", 250)));

        assertThat(edited.priceCents()).isEqualTo(250);
        assertThat(edited.name()).isEqualTo("Rye bread");
        assertThat(edited.barcode()).isEqualTo(item.barcode());
        assertThat(edited.version()).isEqualTo(2);
        var changes = db.selectFrom(CATALOG_CHANGES).where(CATALOG_CHANGES.RECORD_ID.eq(item.id()))
                .orderBy(CATALOG_CHANGES.SEQ).fetch();
        assertThat(changes).extracting(r -> r.getOp()).containsExactly("INSERT", "UPDATE");
        assertThat(Hlc.parse(changes.get(1).getHlc()).isAfter(Hlc.parse(changes.get(0).getHlc()))).isTrue();
        assertThat(changes.get(1).getPayload().data()).contains("\"price_cents\": 250");
        assertThat(audit(item.id())).containsExactly("olivia item.create", "olivia item.update");
        String details = db.select(AUDIT_LOG.DETAILS).from(AUDIT_LOG).where(AUDIT_LOG.TARGET.eq(item.id().toString())
                .and(AUDIT_LOG.ACTION.eq("item.update"))).fetchSingle().value1();
        assertThat(details).isEqualTo("price_cents: 320 → 250");
    }

    @Test
    void a_barcode_another_item_has_is_refused_and_nothing_is_written() {
        String barcode = HubFixtures.unique("BC");
        catalog.createItem(new ItemDraft(HubFixtures.unique("SKU"), barcode, "First", 100L, null, null, null, null));
        long changesBefore = db.fetchCount(CATALOG_CHANGES);

        assertThatThrownBy(() -> catalog.createItem(new ItemDraft(HubFixtures.unique("SKU"), barcode, "Second", 100L,
                null, null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("duplicate_barcode"));
        assertThat(db.fetchCount(CATALOG_CHANGES)).isEqualTo(changesBefore);
    }

    @Test
    void invalid_items_are_refused_with_every_problem_listed() {
        assertThatThrownBy(() -> catalog.createItem(new ItemDraft(" ", null, "", -5L, UUID.randomUUID(), null, "box", null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo("validation_failed");
                    assertThat(e.errors()).hasSize(5);
                });
        assertThatThrownBy(() -> catalog.updateItem(UUID.randomUUID(), ItemChanges.fromJson(Map.of("priceCents", 1))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        assertThatThrownBy(() -> ItemChanges.fromJson(Map.of("price", 1, "priceCents", "1.50")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).hasSize(2));
    }

    @Test
    void an_item_can_use_a_category_and_tax_rate_made_at_the_hub() {
        UUID category = categories.create(new CategoryService.Draft(HubFixtures.unique("Dairy"), null, 1));
        UUID tax = taxRates.create(new TaxRateService.Draft(HubFixtures.unique("VAT"), 2000, true));

        ItemRow item = catalog.createItem(new ItemDraft(HubFixtures.unique("SKU"), null, "Butter", 250L, category, tax,
                null, null));

        assertThat(item.categoryName()).startsWith("Dairy");
        assertThat(item.taxRateName()).startsWith("VAT");
        assertThatThrownBy(() -> taxRates.delete(tax))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("in_use"));
        assertThat(db.fetchCount(CATALOG_CHANGES, CATALOG_CHANGES.RECORD_ID.in(category, tax))).isEqualTo(2);
    }

    @Test
    void deleting_leaves_a_tombstone_that_travels_like_any_change() {
        ItemRow item = catalog.createItem(ItemDraft.of(HubFixtures.unique("SKU"), "Old stock", 99));

        catalog.deleteItem(item.id());
        catalog.deleteItem(item.id()); // twice is the same as once

        assertThat(db.select(ITEMS.DELETED).from(ITEMS).where(ITEMS.ID.eq(item.id())).fetchSingle().value1()).isTrue();
        var last = db.selectFrom(CATALOG_CHANGES).where(CATALOG_CHANGES.RECORD_ID.eq(item.id()))
                .orderBy(CATALOG_CHANGES.SEQ.desc()).fetch();
        assertThat(last).hasSize(2);
        assertThat(last.get(0).getPayload().data()).contains("\"deleted\": 1");
        assertThat(catalog.count(ItemFilter.text(item.sku()))).isZero();
        assertThat(catalog.count(new ItemFilter(item.sku(), null, true))).isEqualTo(1);
    }

    @Test
    void search_matches_name_sku_or_barcode_prefixes_and_sorts_by_allowed_columns() {
        String tag = HubFixtures.unique("zq").toLowerCase();
        catalog.createItem(new ItemDraft(tag + "-a", tag + "-bar", "Zz " + tag, 300L, null, null, null, null));
        catalog.createItem(new ItemDraft("X" + tag, null, tag + " apple", 100L, null, null, null, null));
        catalog.createItem(new ItemDraft("Y" + tag, null, tag.toUpperCase() + " Banana", 200L, null, null, null, null));

        assertThat(catalog.count(ItemFilter.text(tag))).isEqualTo(3);
        assertThat(catalog.page(ItemFilter.text(tag), List.of(), 0, 10)).extracting(ItemRow::priceCents)
                .containsExactly(100L, 200L, 300L); // by name, any case
        assertThat(catalog.page(ItemFilter.text(tag), List.of(new ItemSort("priceCents", true)), 1, 1))
                .extracting(ItemRow::priceCents).containsExactly(200L);
        assertThat(catalog.count(ItemFilter.text(tag + "-bar"))).isEqualTo(1);
        assertThat(catalog.count(ItemFilter.text("Y" + tag))).isEqualTo(1);
        assertThat(catalog.count(ItemFilter.text(tag + "%"))).isZero(); // wildcards are text
        assertThatThrownBy(() -> catalog.page(ItemFilter.ALL, List.of(new ItemSort("password", false)), 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithMockUser(username = "sam", roles = "SUPPORT")
    void support_staff_cannot_change_the_catalog() {
        assertThatThrownBy(() -> catalog.createItem(ItemDraft.of("S", "No", 1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> categories.create(new CategoryService.Draft("No", null, 0)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private List<String> audit(UUID target) {
        return db.select(AUDIT_LOG.USERNAME, AUDIT_LOG.ACTION).from(AUDIT_LOG).where(AUDIT_LOG.TARGET.eq(target.toString()))
                .orderBy(AUDIT_LOG.ID).fetch(r -> r.value1() + " " + r.value2());
    }
}
