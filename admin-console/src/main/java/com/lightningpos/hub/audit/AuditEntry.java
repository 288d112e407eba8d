package com.lightningpos.hub.audit;

import java.time.OffsetDateTime;

/** One line of the audit log: who did what to which target, and when. */
public record AuditEntry(long id, OffsetDateTime at, String username, String action, String target, String details) {
}
