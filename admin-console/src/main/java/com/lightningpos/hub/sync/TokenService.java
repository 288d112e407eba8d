package com.lightningpos.hub.sync;

import com.lightningpos.etl.sync.TokenResponse;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived HS256 JWTs for shops (jjwt): subject = shop id, plus a fingerprint of the shop's
 * current secret hash, so rotating the secret invalidates tokens already handed out.
 */
public class TokenService {

    static final String SECRET_VERSION = "sv";

    private final SecretKey key;
    private final Clock clock;
    private final Duration ttl;

    public TokenService(SecretKey key, Clock clock, Duration ttl) {
        this.key = key;
        this.clock = clock;
        this.ttl = ttl;
    }

    public TokenResponse issue(UUID shopId, String secretHash) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        String token = Jwts.builder()
                .subject(shopId.toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expires))
                .claim(SECRET_VERSION, secretVersion(secretHash))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new TokenResponse(token, expires);
    }

    /**
     * The permanent secret an enrolment with this code answers, derived from the code's hash with the
     * hub's key: a repeated enrolment request (the answer was lost, or the network delivered the
     * request twice) is answered with the same secret, never with one that silently replaces the
     * secret the till already stored. Unknowable without the hub's key, even to the code's holder.
     */
    public String enrolmentSecret(String enrolmentCodeHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] raw = mac.doFinal(("shop-secret:" + enrolmentCodeHash).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shop a valid token speaks for; throws {@link InvalidTokenException} otherwise. */
    public ShopPrincipal verify(String token) {
        try {
            Claims claims = Jwts.parser()
                    .verifyWith(key)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
            return new ShopPrincipal(UUID.fromString(claims.getSubject()), claims.get(SECRET_VERSION, String.class));
        } catch (ExpiredJwtException e) {
            throw new InvalidTokenException(true, "The token has expired; exchange the shop's credentials for a new one.");
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidTokenException(false, "The token is not valid.");
        }
    }

    /** A short fingerprint of a stored secret hash (never the hash itself) for the token. */
    public static String secretVersion(String secretHash) {
        if (secretHash == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("sv:" + secretHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bearer token that is missing, malformed, forged or expired. */
    public static class InvalidTokenException extends RuntimeException {

        private final boolean expired;

        public InvalidTokenException(boolean expired, String message) {
            super(message);
            this.expired = expired;
        }

        public boolean expired() {
            return expired;
        }
    }
}
