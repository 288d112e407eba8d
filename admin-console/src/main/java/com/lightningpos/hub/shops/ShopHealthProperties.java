package com.lightningpos.hub.shops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the dashboard calls a shop lagging ({@code hub.health.*}).
 *
 * @param lagAfter    rows waiting longer than this at the hub make a shop lagging
 * @param silentAfter a shop not heard from for this long is lagging (tills sync every 5 minutes by
 *                    default, so three missed syncs)
 */
@ConfigurationProperties("hub.health")
public record ShopHealthProperties(
        @DefaultValue("10m") Duration lagAfter,
        @DefaultValue("15m") Duration silentAfter) {
}
