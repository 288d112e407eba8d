package com.lightningpos.hub.dashboard;

import com.lightningpos.hub.shops.ShopOverview;
import java.util.List;

/** One shop in depth: its overview, recent runs, recent failed runs and open conflicts. */
public record ShopDetail(ShopOverview shop, List<SyncRunRow> runs, List<SyncRunRow> errors, int openConflicts,
                         TimeSeries throughput) {
}
