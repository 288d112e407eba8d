package com.lightningpos.etl.simulation;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulation makes the sync and ETL code log thousands of expected failures (unreachable hub,
 * refused batches, simulated crashes); keep them out of the output while simulations run.
 */
final class QuietLogs implements AutoCloseable {

    private static final String[] NOISY = {"com.lightningpos", "com.zaxxer.hikari", "org.flywaydb"};
    private final Level[] before = new Level[NOISY.length];

    QuietLogs() {
        for (int i = 0; i < NOISY.length; i++) {
            Logger logger = (Logger) LoggerFactory.getLogger(NOISY[i]);
            before[i] = logger.getLevel();
            logger.setLevel(Level.OFF); // crashes make the code log errors on purpose; the invariants judge the run
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < NOISY.length; i++) {
            ((Logger) LoggerFactory.getLogger(NOISY[i])).setLevel(before[i]);
        }
    }
}
