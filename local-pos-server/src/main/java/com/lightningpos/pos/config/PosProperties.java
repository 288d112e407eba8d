package com.lightningpos.pos.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a till server ({@code pos.*}); each is also an environment variable ({@code POS_HUB_URL}).
 *
 * @param dataDir           where the shop's SQLite file, backups and credentials live
 * @param hubUrl            the hub's base URL; unset = standalone till that never syncs
 * @param enrolmentCode     one-time code from provisioning; spent on first start, ignored afterwards
 * @param syncInterval      period of the background sync
 * @param managerPin        PIN that authorises price overrides; unset = overrides refused
 * @param cashRoundingCents cash due is rounded to a multiple of this (1 = no rounding)
 * @param currency          ISO currency code shown in the till
 * @param shopName          name of a standalone till
 * @param allowInsecureHub  allow plain HTTP to a hub that is not on this machine
 * @param demoData          seed a small demo catalog into a standalone till on first start
 */
@ConfigurationProperties("pos")
public record PosProperties(
        @DefaultValue("./data/pos") Path dataDir,
        String hubUrl,
        String enrolmentCode,
        @DefaultValue("5m") Duration syncInterval,
        String managerPin,
        @DefaultValue("1") int cashRoundingCents,
        @DefaultValue("EUR") String currency,
        @DefaultValue("Standalone till") String shopName,
        @DefaultValue("false") boolean allowInsecureHub,
        @DefaultValue("false") boolean demoData) {

    public boolean standalone() {
        return hubUrl == null || hubUrl.isBlank();
    }

    public Path databaseFile() {
        return dataDir.resolve("shop.db");
    }
}
