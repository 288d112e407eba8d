package com.lightningpos.hub.catalog;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.api.ProblemException;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "olivia", roles = "HEAD_OFFICE")
class BulkPriceServiceTest extends HubTestBase {

    @Autowired
    CatalogService catalog;
    @Autowired
    BulkPriceService bulk;
    @Autowired
    DSLContext db;

    @Test
    void a_percentage_changes_every_filtered_item_rounded_to_the_cent_and_nothing_else() {
        String tag = HubFixtures.unique("bulk");
        ItemRow a = catalog.createItem(ItemDraft.of(tag + "-1", tag + " tea", 199));
        ItemRow b = catalog.createItem(ItemDraft.of(tag + "-2", tag + " coffee", 1000));
        ItemRow other = catalog.createItem(ItemDraft.of(HubFixtures.unique("other"), "Other", 500));
        ItemRow gone = catalog.createItem(ItemDraft.of(tag + "-3", tag + " deleted", 700));
        catalog.deleteItem(gone.id());
        long changesBefore = db.fetchCount(CATALOG_CHANGES);

        assertThat(bulk.preview(ItemFilter.text(tag), PriceChange.percent(10)).items()).isEqualTo(2);
        BulkPriceService.Result result = bulk.apply(ItemFilter.text(tag), PriceChange.percent(10));

        assertThat(result).isEqualTo(new BulkPriceService.Result(2, 2));
        assertThat(catalog.get(a.id()).priceCents()).isEqualTo(219); // 218.9 rounds half-up
        assertThat(catalog.get(b.id()).priceCents()).isEqualTo(1100);
        assertThat(catalog.get(other.id()).priceCents()).isEqualTo(500);
        assertThat(catalog.get(gone.id()).priceCents()).isEqualTo(700);
        assertThat(db.fetchCount(CATALOG_CHANGES)).isEqualTo(changesBefore + 2);
    }

    @Test
    void an_absolute_change_never_takes_a_price_below_zero() {
        String tag = HubFixtures.unique("abs");
        ItemRow cheap = catalog.createItem(ItemDraft.of(tag + "-1", tag + " gum", 30));
        ItemRow dear = catalog.createItem(ItemDraft.of(tag + "-2", tag + " wine", 1250));

        bulk.apply(ItemFilter.text(tag), PriceChange.cents(-50));

        assertThat(List.of(catalog.get(cheap.id()).priceCents(), catalog.get(dear.id()).priceCents()))
                .containsExactly(0L, 1200L);
    }

    @Test
    void nonsense_changes_are_refused() {
        assertThatThrownBy(() -> PriceChange.percent(0)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PriceChange.percent(-101)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> new PriceChange(PriceChange.Kind.ABSOLUTE_CENTS, new java.math.BigDecimal("1.5")))
                .isInstanceOf(ProblemException.class);
    }
}
