package com.lightningpos.hub.alerts;

import java.util.UUID;

/**
 * A rule that matches now: one evaluation's view of an alert.
 *
 * @param subject what it is about: the shop id for shop rules, {@code database} or {@code disk} for the hub
 * @param shopId  the shop the subject names, null for the hub's own rules
 */
public record Finding(AlertRule rule, String subject, UUID shopId, Severity severity, String message) {

    static Finding forShop(AlertRule rule, UUID shopId, String message) {
        return new Finding(rule, shopId.toString(), shopId, rule.severity(), message);
    }

    static Finding forHub(AlertRule rule, String subject, String message) {
        return new Finding(rule, subject, null, rule.severity(), message);
    }
}
