package com.lightningpos.etl.sync;

import java.time.Instant;

/**
 * A bearer token (a JWT whose subject is the shop id) and when it stops being accepted.
 *
 * @param token     the value for {@code Authorization: Bearer ...}
 * @param expiresAt when the hub stops accepting it
 */
public record TokenResponse(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "TokenResponse[token=***, expiresAt=" + expiresAt + "]";
    }
}
