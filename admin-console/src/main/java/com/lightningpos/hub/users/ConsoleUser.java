package com.lightningpos.hub.users;

import java.time.OffsetDateTime;

/** A console account as head office sees it (never its password hash). */
public record ConsoleUser(String username, String role, boolean enabled, OffsetDateTime createdAt) {
}
