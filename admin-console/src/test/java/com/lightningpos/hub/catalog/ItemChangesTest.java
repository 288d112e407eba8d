package com.lightningpos.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ItemChangesTest {

    static final ItemRow ROW = new ItemRow(UUID.randomUUID(), "SKU-1", "123", "Tea", 199, null, null, null, null, "each",
            true, false, 3, "hlc", null, null);

    @Test
    void an_edit_form_sends_only_what_changed() {
        ItemChanges changes = ItemChanges.between(ROW, new ItemDraft(" SKU-1 ", "123", "Tea", 250L, null, null, "each", true));

        assertThat(changes.toWire()).isEqualTo(Map.of("price_cents", 250L));
    }

    @Test
    void a_cleared_barcode_is_a_change_to_none_and_flags_travel_as_numbers() {
        ItemChanges changes = ItemChanges.between(ROW, new ItemDraft("SKU-1", "  ", "Tea", 199L, null, null, "each", false));

        assertThat(changes.fields()).containsExactlyInAnyOrder(ItemField.BARCODE, ItemField.ACTIVE);
        assertThat(changes.toWire()).containsEntry("active", 0L);
    }

    @Test
    void json_fields_that_are_read_only_are_ignored() {
        ItemChanges changes = ItemChanges.fromJson(Map.of("id", "x", "version", 9, "priceCents", 250, "categoryId",
                "00000000-0000-7000-8000-000000000001"));

        assertThat(changes.toWire()).isEqualTo(Map.of("price_cents", 250L, "category_id", "00000000-0000-7000-8000-000000000001"));
    }
}
