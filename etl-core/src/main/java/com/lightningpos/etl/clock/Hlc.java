package com.lightningpos.etl.clock;

import java.util.Objects;

/**
 * A Hybrid Logical Clock timestamp: physical milliseconds, a logical counter and the node that
 * made it. {@link #encode()} pads every part so that string order equals HLC order, which lets
 * SQLite and PostgreSQL compare HLC columns as plain text.
 */
public record Hlc(long physicalMillis, int counter, String nodeId) implements Comparable<Hlc> {

    public Hlc {
        if (physicalMillis < 0 || counter < 0) {
            throw new IllegalArgumentException("HLC parts must not be negative");
        }
        Objects.requireNonNull(nodeId, "nodeId");
    }

    /** The zero timestamp: older than anything a clock produces. */
    public static final Hlc ZERO = new Hlc(0, 0, "");

    public String encode() {
        // Same text as String.format("%015d-%06d-%s", …), without parsing a format on every write
        // (it showed up in the till's sale profile).
        StringBuilder text = new StringBuilder(23 + nodeId.length());
        zeroPadded(text, Long.toString(physicalMillis), 15);
        zeroPadded(text.append('-'), Integer.toString(counter), 6);
        return text.append('-').append(nodeId).toString();
    }

    private static void zeroPadded(StringBuilder text, String digits, int width) {
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }

    /** Parses {@link #encode()}'s format; throws {@link IllegalArgumentException} otherwise. */
    public static Hlc parse(String text) {
        if (text == null || text.length() < 23 || text.charAt(15) != '-' || text.charAt(22) != '-') {
            throw new IllegalArgumentException("Not an HLC timestamp: " + text);
        }
        try {
            return new Hlc(Long.parseLong(text.substring(0, 15)), Integer.parseInt(text.substring(16, 22)),
                    text.substring(23));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an HLC timestamp: " + text, e);
        }
    }

    @Override
    public int compareTo(Hlc other) {
        int c = Long.compare(physicalMillis, other.physicalMillis);
        if (c == 0) {
            c = Integer.compare(counter, other.counter);
        }
        return c != 0 ? c : nodeId.compareTo(other.nodeId);
    }

    public boolean isAfter(Hlc other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return encode();
    }
}
