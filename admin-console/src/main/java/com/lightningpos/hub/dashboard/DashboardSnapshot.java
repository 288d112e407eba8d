package com.lightningpos.hub.dashboard;

import com.lightningpos.hub.shops.ShopOverview;
import com.lightningpos.hub.shops.ShopStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything the dashboard shows, read at one moment. */
public record DashboardSnapshot(Instant at, List<ShopOverview> shops, Map<ShopStatus, Long> statusCounts,
                                long ordersToday, long salesTodayCents, long rowsSyncedLastHour, int openConflicts,
                                TimeSeries throughput, TimeSeries lag) {
}
