package com.lightningpos.hub.alerts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The alert rules, each with the short runbook hint the console shows and the docs/operations.md
 * troubleshooting entry it points to. Thresholds are in {@link AlertProperties}.
 */
public enum AlertRule {
    SHOP_UNSYNCED("shop-unsynced", "Shop not synced", Severity.WARNING,
            "Check the till's network and sync status; its sales wait safely in its outbox.",
            "A shop shows offline", "a-shop-shows-offline"),
    ETL_ERRORS("etl-errors", "ETL failing", Severity.CRITICAL,
            "Shops → the shop → Errors says why; fix the cause (often disk space or a constraint), the ETL retries by itself.",
            "Sales missing at head office", "sales-missing-at-head-office"),
    QUARANTINED_ROWS("quarantined-rows", "Rows in quarantine", Severity.WARNING,
            "Open Quarantine, fix what the reason names, then Retry or Discard with a note.",
            "A row is quarantined", "a-row-is-quarantined"),
    CONSISTENCY_MISMATCH("consistency-mismatch", "Tiers differ", Severity.WARNING,
            "The Consistency view names the table and tier; follow a sale through the tiers.",
            "Consistency check (shop, replica, PostgreSQL)", "7-consistency-check-shop-replica-postgresql"),
    HUB_DATABASE_FULL("hub-database-full", "Hub storage nearly full", Severity.CRITICAL,
            "Free space or grow the volume now: a full disk stops the ETL and the backups.",
            "On call: the hub is down", "5-on-call-the-hub-is-down");

    private final String code;
    private final String title;
    private final Severity severity;
    private final String hint;
    private final String docsSymptom;
    private final String docsAnchor;

    AlertRule(String code, String title, Severity severity, String hint, String docsSymptom, String docsAnchor) {
        this.code = code;
        this.title = title;
        this.severity = severity;
        this.hint = hint;
        this.docsSymptom = docsSymptom;
        this.docsAnchor = docsAnchor;
    }

    /** The machine-readable name: stored, tagged on the metric, sent to the webhook. */
    @JsonValue
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    /** What to do, in one sentence. */
    public String hint() {
        return hint;
    }

    /** The docs/operations.md entry with the full steps. */
    public String docsSymptom() {
        return docsSymptom;
    }

    public String docsAnchor() {
        return docsAnchor;
    }

    public static AlertRule of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown alert rule: " + code));
    }
}
