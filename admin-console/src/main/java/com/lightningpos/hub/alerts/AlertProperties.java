package com.lightningpos.hub.alerts;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The hub's alert rules and where alerts go ({@code hub.alerts.*}, also {@code HUB_ALERTS_INTERVAL} ...).
 * See docs/operations.md, "Alerts".
 *
 * @param enabled              evaluate the rules in the background (the console and the API still show stored alerts when off)
 * @param interval             how often the rules are evaluated
 * @param unsyncedAfter        shop-unsynced: a shop's pending rows have waited this long (or the shop has not called
 *                             for this long while rows of it were pending)
 * @param etlFailingFor        etl-errors: a shop's ETL job has failed without a success for this long
 * @param etlErrorCount        etl-errors: ... or has failed this many times in a row
 * @param quarantinedRows      quarantined-rows: a shop has at least this many rows in quarantine
 * @param databaseMaxBytes     hub-database-full: the space the hub database may use (unset = no database size rule)
 * @param databaseFullPercent  hub-database-full: alert when the database uses this share of {@code databaseMaxBytes}
 * @param diskFreeMinPercent   hub-database-full: alert when the file system holding {@code hub.data-dir} has less
 *                             free space than this share (0 = off)
 * @param webhookUrl           where opened and resolved alerts are POSTed as JSON (unset = no webhook)
 * @param webhookTimeout       connect and answer timeout of one webhook call
 * @param webhookMaxAttempts   attempts per event before the hub gives up on it (it stays visible as failed)
 * @param consoleUrl           the console's public address, for the links in webhook messages
 * @param docsUrl              where docs/operations.md is published; the console links runbook hints there when set
 */
@ConfigurationProperties("hub.alerts")
public record AlertProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration interval,
        @DefaultValue("30m") Duration unsyncedAfter,
        @DefaultValue("15m") Duration etlFailingFor,
        @DefaultValue("5") int etlErrorCount,
        @DefaultValue("1") int quarantinedRows,
        DataSize databaseMaxBytes,
        @DefaultValue("90") int databaseFullPercent,
        @DefaultValue("10") int diskFreeMinPercent,
        URI webhookUrl,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("10") int webhookMaxAttempts,
        @DefaultValue("http://localhost:8080") String consoleUrl,
        String docsUrl) {

    public AlertProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("hub.alerts.interval must be positive");
        }
        if (etlErrorCount < 1 || quarantinedRows < 1 || webhookMaxAttempts < 1) {
            throw new IllegalArgumentException(
                    "hub.alerts.etl-error-count, quarantined-rows and webhook-max-attempts must be at least 1");
        }
        if (databaseFullPercent < 1 || databaseFullPercent > 100 || diskFreeMinPercent < 0 || diskFreeMinPercent > 100) {
            throw new IllegalArgumentException("hub.alerts.database-full-percent must be 1..100, disk-free-min-percent 0..100");
        }
    }

    public boolean webhookEnabled() {
        return webhookUrl != null && !webhookUrl.toString().isBlank();
    }
}
