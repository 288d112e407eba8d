package com.lightningpos.hub.alerts;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stored alert, open while {@code resolvedAt} is null.
 *
 * @param shopName the shop's name for shop rules, null for the hub's own rules
 * @param hint     what to do (the rule's runbook hint)
 */
public record Alert(long id, AlertRule rule, String subject, UUID shopId, String shopName, Severity severity,
                    String message, OffsetDateTime firstSeenAt, OffsetDateTime lastSeenAt, OffsetDateTime resolvedAt,
                    String acknowledgedBy, OffsetDateTime acknowledgedAt, String hint) {

    public boolean open() {
        return resolvedAt == null;
    }

    /** A name for people: the shop's name, else the subject. */
    public String subjectLabel() {
        return shopName != null ? shopName : subject;
    }
}
