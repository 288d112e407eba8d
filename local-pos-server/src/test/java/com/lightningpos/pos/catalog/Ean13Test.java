package com.lightningpos.pos.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ean13Test {

    @Test
    void a_published_ean13_has_a_valid_check_digit() {
        assertThat(Ean13.isValid("4006381333931")).isTrue();
        assertThat(Ean13.isValid("4006381333932")).isFalse();
        assertThat(Ean13.checkDigit("400638133393")).isEqualTo(1);
    }

    @Test
    void only_codes_starting_with_2_are_in_store_labels() {
        assertThat(Ean13.isInStore(Ean13.withCheckDigit("210001000532"))).isTrue();
        assertThat(Ean13.isInStore("4006381333931")).isFalse();
        assertThat(Ean13.isInStore("2100010")).isFalse();
    }

    @Test
    void a_label_splits_into_item_prefix_and_value() {
        String label = Ean13.withCheckDigit("210001000532");

        assertThat(Ean13.itemPrefix(label)).isEqualTo("2100010");
        assertThat(Ean13.embeddedValue(label)).isEqualTo(532);
        assertThat(Ean13.labelTemplate("2100010")).isEqualTo(Ean13.withCheckDigit("210001000000"));
    }
}
