package com.lightningpos.hub.alerts;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent an alert is: critical ones need someone now, warnings today. */
public enum Severity {
    CRITICAL, WARNING;

    /** As stored and sent: {@code critical}, {@code warning}. */
    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    static Severity of(String code) {
        return valueOf(code.toUpperCase());
    }
}
