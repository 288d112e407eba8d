package com.lightningpos.hub.sync;

import java.util.UUID;

/**
 * The shop a bearer token speaks for.
 *
 * @param shopId        the token's subject
 * @param secretVersion a fingerprint of the secret the token was issued for: after a rotation the
 *                      fingerprint no longer matches and the token stops working at once
 */
public record ShopPrincipal(UUID shopId, String secretVersion) {
}
