package com.lightningpos.etl.clock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HlcTest {

    @Test
    void encoding_pads_to_fixed_widths_so_text_order_is_clock_order_and_parses_back() {
        Hlc small = new Hlc(42, 7, "shop-a");
        Hlc large = new Hlc(1_764_000_000_123L, 123_456, "");

        assertThat(small.encode()).isEqualTo("000000000000042-000007-shop-a");
        assertThat(large.encode()).isEqualTo("001764000000123-123456-");
        assertThat(small.encode()).isEqualTo(String.format("%015d-%06d-%s", 42L, 7, "shop-a"));
        assertThat(Hlc.parse(small.encode())).isEqualTo(small);
        assertThat(small.encode().compareTo(large.encode())).isNegative();
    }
}
