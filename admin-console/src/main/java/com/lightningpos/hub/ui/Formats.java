package com.lightningpos.hub.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes money, times and durations. Times are shown in UTC, as the hub stores them. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** Cents as an amount with two decimals ({@code 1234 → "12.34"}). */
    public static String money(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return String.format(Locale.ROOT, "%s%,d.%02d", sign, abs / 100, abs % 100);
    }

    public static String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at);
    }

    /** "never", "just now", "5 min ago", "3 h ago", "2 d ago". */
    public static String ago(OffsetDateTime at) {
        if (at == null) {
            return "never";
        }
        return duration(Duration.between(at.toInstant(), Instant.now())) + " ago";
    }

    public static String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return seconds < 10 ? "a few s" : seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h";
        }
        return seconds / 86_400 + " d";
    }

    public static String seconds(Long seconds) {
        return seconds == null ? "" : duration(Duration.ofSeconds(seconds));
    }

    public static String count(Long n) {
        return n == null ? "" : String.format(Locale.ROOT, "%,d", n);
    }
}
