package com.lightningpos.pos.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void division_rounds_half_away_from_zero_for_sales_and_refunds_alike() {
        assertThat(Money.divide(5, 10)).isEqualTo(1);
        assertThat(Money.divide(4, 10)).isZero();
        assertThat(Money.divide(-5, 10)).isEqualTo(-1);
        assertThat(Money.divide(-4, 10)).isZero();
    }

    @Test
    void cash_rounding_goes_to_the_nearest_step() {
        assertThat(Money.roundToStep(1482, 5)).isEqualTo(1480);
        assertThat(Money.roundToStep(1483, 5)).isEqualTo(1485);
        assertThat(Money.roundToStep(-1483, 5)).isEqualTo(-1485);
        assertThat(Money.roundToStep(1483, 1)).isEqualTo(1483);
        assertThat(Money.roundToStep(1455, 10)).isEqualTo(1460);
    }

    @Test
    void largest_remainder_allocation_adds_up_exactly_and_favours_the_largest_remainder() {
        long[] shares = Money.allocate(100, new long[] {900, 333, 333});

        assertThat(shares).containsExactly(58, 21, 21);
        assertThat(Money.allocate(10, new long[] {1, 1, 1})).containsExactly(4, 3, 3);
        assertThat(Money.allocate(0, new long[] {5, 5})).containsExactly(0, 0);
    }

    @Test
    void an_allocated_share_never_exceeds_its_line() {
        long[] weights = {1, 2, 3, 997, 0, 50};
        long total = Arrays.stream(weights).sum();
        for (long amount = 0; amount <= total; amount++) {
            long[] shares = Money.allocate(amount, weights);
            assertThat(Arrays.stream(shares).sum()).isEqualTo(amount);
            for (int i = 0; i < weights.length; i++) {
                assertThat(shares[i]).isBetween(0L, weights[i]);
            }
        }
    }
}
