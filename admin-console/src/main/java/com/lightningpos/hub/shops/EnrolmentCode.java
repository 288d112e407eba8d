package com.lightningpos.hub.shops;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A shop's one-time enrolment code, shown ONCE (only its hash is stored), with the command that
 * enrols the shop's till server.
 */
public record EnrolmentCode(UUID shopId, String shopName, String code, String command, OffsetDateTime expiresAt) {
}
