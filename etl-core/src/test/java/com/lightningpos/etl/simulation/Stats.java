package com.lightningpos.etl.simulation;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counters of what a run did and suffered, printed with every result. */
final class Stats {

    private final Map<String, Long> counters = new TreeMap<>();

    void add(String name) {
        add(name, 1);
    }

    void add(String name, long n) {
        counters.merge(name, n, Long::sum);
    }

    /** Keeps the largest value seen. */
    void max(String name, long value) {
        counters.merge(name, value, Math::max);
    }

    long get(String name) {
        return counters.getOrDefault(name, 0L);
    }

    Map<String, Long> asMap() {
        return Map.copyOf(counters);
    }

    @Override
    public String toString() {
        return counters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
