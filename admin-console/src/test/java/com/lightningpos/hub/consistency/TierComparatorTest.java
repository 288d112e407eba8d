package com.lightningpos.hub.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.sync.TableSummary;
import com.lightningpos.hub.consistency.TierComparator.Tier;
import org.junit.jupiter.api.Test;

class TierComparatorTest {

    static final TableSummary TEN = new TableSummary("sales_orders", 10, "00000000000000aa");
    static final TableSummary TEN_OTHER = new TableSummary("sales_orders", 10, "00000000000000bb");
    static final TableSummary NINE = new TableSummary("sales_orders", 9, "00000000000000aa");

    @Test
    void equal_tiers_agree() {
        var c = TierComparator.compare("sales_orders", Tier.compared("shop", TEN), Tier.compared("replica", TEN), Tier.compared("hub", TEN));
        assertThat(c.differs()).isFalse();
        assertThat(c.note()).isNull();
    }

    @Test
    void a_different_checksum_with_the_same_count_differs_and_names_the_tiers() {
        var c = TierComparator.compare("sales_orders", Tier.compared("shop", TEN), Tier.compared("replica", TEN), Tier.compared("hub", TEN_OTHER));
        assertThat(c.differs()).isTrue();
        assertThat(c.note()).isEqualTo("shop 10 rows/00000000000000aa ≠ hub 10 rows/00000000000000bb; "
                + "replica 10 rows/00000000000000aa ≠ hub 10 rows/00000000000000bb");
    }

    @Test
    void a_tier_left_out_does_not_count_but_is_explained_and_still_shown() {
        var c = TierComparator.compare("sales_orders", Tier.leftOut("shop", NINE, "shop report stale"),
                Tier.compared("replica", TEN), Tier.compared("hub", TEN));
        assertThat(c.differs()).isFalse();
        assertThat(c.note()).isEqualTo("shop report stale");
        assertThat(c.shop().rows()).isEqualTo(9);
    }
}
