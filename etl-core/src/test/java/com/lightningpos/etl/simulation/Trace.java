package com.lightningpos.etl.simulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;

/**
 * What happened in a run, as a digest (two runs of one seed must end with the same digest: that is
 * the replay check) and the last lines in full, printed when a seed fails.
 */
final class Trace {

    private static final int KEEP = 400;

    private final MessageDigest digest;
    private final ArrayDeque<String> tail = new ArrayDeque<>();

    Trace() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void event(long at, String label) {
        record(at, label);
    }

    /** An outcome worth comparing between replays (a response status, a sale's receipt number ...). */
    void note(long at, String what) {
        record(at, "  " + what);
    }

    private void record(long at, String line) {
        String text = Instant.ofEpochMilli(at) + " " + line;
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        tail.addLast(text);
        if (tail.size() > KEEP) {
            tail.removeFirst();
        }
    }

    String digest() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest()).substring(0, 16);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> tail() {
        return List.copyOf(tail);
    }
}
