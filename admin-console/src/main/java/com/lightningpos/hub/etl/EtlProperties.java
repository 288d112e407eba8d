package com.lightningpos.hub.etl;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ETL settings ({@code hub.etl.*}).
 *
 * @param enabled       run the ETL in this hub process (a read-only console instance may turn it off)
 * @param sweepInterval how often every shop's job is checked, catching anything a wake-up missed
 * @param wakePoll      how often wake-ups written by any hub instance (pushes, catalog edits) are read
 * @param batchSize     rows per extract/load transaction
 * @param workers       shops processed in parallel by this process
 */
@ConfigurationProperties("hub.etl")
public record EtlProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("250ms") Duration wakePoll,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("4") int workers) {
}
