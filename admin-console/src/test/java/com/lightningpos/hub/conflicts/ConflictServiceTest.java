package com.lightningpos.hub.conflicts;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.catalog.CatalogService;
import com.lightningpos.hub.catalog.ItemDraft;
import com.lightningpos.hub.catalog.ItemRow;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

class ConflictServiceTest extends HubTestBase {

    @Autowired
    ConflictService conflicts;
    @Autowired
    CatalogService catalog;
    @Autowired
    HubFixtures fixtures;
    @Autowired
    DSLContext db;

    UUID shop;
    ItemRow item;
    long conflictId;

    @BeforeEach
    void aConflictOnAnItemPrice() {
        shop = fixtures.shop(HubFixtures.unique("Conflicted"));
        item = fixtures.asHeadOffice(() -> catalog.createItem(ItemDraft.of(HubFixtures.unique("SKU"), "Cheese", 500)));
        String hub = "{\"id\":\"" + item.id() + "\",\"sku\":\"" + item.sku() + "\",\"name\":\"Cheese\",\"price_cents\":500,"
                + "\"version\":1,\"last_modified_at\":\"" + item.lastModifiedAt() + "\"}";
        String mine = "{\"id\":\"" + item.id() + "\",\"sku\":\"" + item.sku() + "\",\"name\":\"Cheese (shop)\",\"price_cents\":450,"
                + "\"version\":1,\"last_modified_at\":\"000001-shop\"}";
        conflictId = fixtures.conflict(shop, "items", item.id(), mine, hub);
    }

    @Test
    @WithMockUser(username = "sam", roles = "SUPPORT")
    void the_detail_shows_both_versions_side_by_side_with_the_differences_marked() {
        ConflictDetail detail = conflicts.detail(conflictId);

        assertThat(detail.conflict().shopName()).startsWith("Conflicted");
        assertThat(detail.conflict().recordLabel()).isEqualTo("Cheese (shop)");
        assertThat(detail.conflict().rule()).isEqualTo("hub_wins");
        assertThat(detail.canReapply()).isTrue();
        assertThat(detail.fields()).filteredOn(FieldDiff::differs).extracting(FieldDiff::field)
                .containsExactly("name", "price_cents", "last_modified_at");
        assertThat(detail.fields()).filteredOn(f -> f.field().equals("price_cents")).singleElement()
                .extracting(FieldDiff::shopValue, FieldDiff::hubValue, FieldDiff::currentValue)
                .containsExactly("450", "500", "500");
        assertThat(conflicts.page(new ConflictFilter(ConflictFilter.ConflictStatus.OPEN, shop, "items", null), 0, 10))
                .extracting(ConflictRow::id).containsExactly(conflictId);
        assertThat(conflicts.count(new ConflictFilter(null, shop, null, Duration.ofDays(1)))).isZero();
    }

    @Test
    @WithMockUser(username = "sam", roles = "SUPPORT")
    void accepting_the_applied_result_settles_without_writing() {
        long changes = db.fetchCount(CATALOG_CHANGES);

        ConflictRow settled = conflicts.acceptApplied(conflictId, "hub price is right");

        assertThat(settled.status()).isEqualTo("settled");
        assertThat(settled.resolution()).isEqualTo("accepted_applied: hub price is right");
        assertThat(settled.settledBy()).isEqualTo("sam");
        assertThat(settled.settledAt()).isNotNull();
        assertThat(db.fetchCount(CATALOG_CHANGES)).isEqualTo(changes);
        assertThatThrownBy(() -> conflicts.acceptApplied(conflictId, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("already_settled"));
    }

    @Test
    @WithMockUser(username = "sam", roles = "SUPPORT")
    void reapplying_the_shop_version_writes_it_through_the_hub_catalog() {
        ConflictRow settled = conflicts.reapplyShopVersion(conflictId, null);

        assertThat(settled.resolution()).isEqualTo("reapplied_shop_version");
        ItemRow now = catalog.get(item.id());
        assertThat(now.priceCents()).isEqualTo(450);
        assertThat(now.name()).isEqualTo("Cheese (shop)");
        assertThat(now.version()).isEqualTo(2);
        var last = db.selectFrom(CATALOG_CHANGES).where(CATALOG_CHANGES.RECORD_ID.eq(item.id()))
                .orderBy(CATALOG_CHANGES.SEQ.desc()).limit(1).fetchSingle();
        assertThat(last.getChangedBy()).isEqualTo("sam");
        assertThat(last.getHlc()).isEqualTo(now.lastModifiedAt()).isNotEqualTo("000001-shop");
    }

    @Test
    @WithMockUser(username = "sam", roles = "SUPPORT")
    void a_merged_value_is_written_and_bad_input_changes_nothing() {
        assertThatThrownBy(() -> conflicts.applyMerged(conflictId, Map.of("price_cents", "cheap", "version", "9"), null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).hasSize(2));
        assertThat(conflicts.detail(conflictId).conflict().isOpen()).isTrue();

        ConflictRow settled = conflicts.applyMerged(conflictId, Map.of("price_cents", "475"), "split the difference");

        assertThat(settled.resolution()).isEqualTo("merged: split the difference");
        assertThat(catalog.get(item.id())).extracting(ItemRow::priceCents, ItemRow::name).containsExactly(475L, "Cheese");
    }
}
