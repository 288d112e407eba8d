package com.lightningpos.pos.shop;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 UTC with exactly three fraction digits, the same text SQLite's
 * {@code strftime('%Y-%m-%dT%H:%M:%fZ')} writes: fixed width, so text order is time order
 * ({@link Instant#toString()} drops zero fractions and would sort "…:00Z" after "…:00.5Z").
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
