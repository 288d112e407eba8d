package com.lightningpos.etl.simulation;

import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.HUB_SETTINGS;
import static com.lightningpos.db.hub.Tables.SHOPS;

import com.lightningpos.db.hub.tables.records.ShopsRecord;
import com.lightningpos.etl.sync.EnrolRequest;
import com.lightningpos.etl.sync.EnrolResponse;
import com.lightningpos.etl.sync.HubStatus;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import com.lightningpos.etl.sync.TokenRequest;
import com.lightningpos.etl.sync.TokenResponse;
import com.lightningpos.etl.sync.TransportRequest;
import com.lightningpos.etl.sync.TransportResponse;
import com.lightningpos.etl.sync.replica.BatchRejectedException;
import com.lightningpos.etl.sync.replica.PushResult;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * The hub's {@code /sync/v1} in the simulation: the same checks in the same order as the hub app
 * (admin-console {@code SyncController}, {@code ShopAccess}, {@code SchemaGate},
 * {@code ShopCredentialsService}, {@code ShopActivity}) — token, shop access (exists, active,
 * secret unchanged), schema gate from {@code hub_settings} with its upload window, body — over
 * the real {@link ReplicaStore} and the real PostgreSQL {@code shops}/{@code etl_jobs} rows.
 * Unlike {@code InProcessHub} (enough for the client's unit tests) it has enrolment, reads the
 * gate from the database and wakes the ETL after a push, as the hub does. Tokens live in memory,
 * so a hub restart invalidates them (the client then fetches a new one, as after a key change).
 * Not modelled: HTTP, gzip, rate limiting (a till's handful of calls never reaches it).
 */
final class HubEndpoint {

    static final Duration TOKEN_TTL = Duration.ofMinutes(15);
    static final Duration ENROLMENT_TTL = Duration.ofDays(7);
    private static final int MAX_PULL = 1000;
    private static final Pattern SHOP_PATH =
            Pattern.compile("/sync/v1/shops/([^/?]+)/(changes|consistency)(?:\\?after=(-?\\d+)&limit=(-?\\d+))?");

    private record Token(String shopId, String secretHash, Instant expires) {
    }

    /** A refusal, answered as a problem document. */
    private static final class Refusal extends RuntimeException {
        final int status;
        final String code;
        final Long resumeFrom;
        final Integer requiredVersion;

        Refusal(int status, String code, String detail, Long resumeFrom, Integer requiredVersion) {
            super(detail, null, false, false);
            this.status = status;
            this.code = code;
            this.resumeFrom = resumeFrom;
            this.requiredVersion = requiredVersion;
        }
    }

    private final DSLContext db;
    private final ReplicaStore replicas;
    private final Clock clock;
    private final Supplier<String> secrets;
    private final Map<String, Token> tokens = new HashMap<>();

    HubEndpoint(DSLContext db, ReplicaStore replicas, Clock clock, Supplier<String> secrets) {
        this.db = db;
        this.replicas = replicas;
        this.clock = clock;
        this.secrets = secrets;
    }

    static String hash(String secret) {
        return "sim:" + secret; // the hub stores a hash; the simulation needs no real one
    }

    TransportResponse handle(TransportRequest request) {
        try {
            if (request.path().equals(SyncProtocol.TOKEN)) {
                return json(200, token(SyncJson.read(request.body(), TokenRequest.class)));
            }
            if (request.path().equals(SyncProtocol.ENROL)) {
                return json(200, enrol(SyncJson.read(request.body(), EnrolRequest.class), request.header(SyncProtocol.SCHEMA_HEADER)));
            }
            Token token = authenticate(request.header("Authorization"));
            if (request.path().equals(SyncProtocol.STATUS)) {
                return json(200, status(shop(token, token.shopId()), request));
            }
            Matcher m = SHOP_PATH.matcher(request.path());
            if (!m.matches()) {
                throw new Refusal(404, Codes.NOT_FOUND, "No such route.", null, null);
            }
            ShopsRecord shop = shop(token, m.group(1));
            String shopId = shop.getId().toString();
            if (m.group(2).equals("consistency")) {
                gate(shop, request, false);
                return json(200, replicas.consistency(shopId));
            }
            if (request.method().equals("POST")) {
                gate(shop, request, false);
                return json(200, push(shop, SyncJson.read(request.body(), PushRequest.class), clientVersion(request)));
            }
            gate(shop, request, true);
            long after = m.group(3) == null ? 0 : Math.max(0, Long.parseLong(m.group(3)));
            int limit = m.group(4) == null ? 500 : (int) Math.max(1, Math.min(MAX_PULL, Long.parseLong(m.group(4))));
            return json(200, replicas.pull(shopId, after, limit));
        } catch (Refusal r) {
            return problem(r.status, r.code, r.getMessage(), r.resumeFrom, r.requiredVersion);
        } catch (BatchRejectedException e) {
            return problem(e.kind() == BatchRejectedException.Kind.FORBIDDEN ? 403 : 400, e.code(), e.getMessage(), null, null);
        } catch (IOException e) {
            return problem(400, Codes.MALFORMED_JSON, "The body is not valid JSON.", null, null);
        }
    }

    private TokenResponse token(TokenRequest request) {
        ShopsRecord shop = byId(request.shopId());
        if (shop == null || shop.getSecretHash() == null || !shop.getSecretHash().equals(hash(request.secret()))) {
            throw new Refusal(401, Codes.BAD_CREDENTIALS, "Unknown shop or wrong secret.", null, null);
        }
        if (!Boolean.TRUE.equals(shop.getIsActive())) {
            throw new Refusal(403, Codes.SHOP_INACTIVE, "This shop has been deactivated.", null, null);
        }
        if (shop.getCredentialsUsedAt() == null) {
            db.update(SHOPS).set(SHOPS.CREDENTIALS_USED_AT, now()).where(SHOPS.ID.eq(shop.getId())).execute();
        }
        String value = "sim-token-" + secrets.get(); // unforgeable and never reissued, like a signed JWT
        Instant expires = clock.instant().plus(TOKEN_TTL);
        tokens.put(value, new Token(shop.getId().toString(), shop.getSecretHash(), expires));
        return new TokenResponse(value, expires);
    }

    /**
     * One statement spends the code, as in the hub; as in the hub, a till whose answer was lost (or
     * whose request arrived twice) may send the same code again and gets the same shop and the same
     * secret (derived from the code) while that secret has never been used for a token
     * (ShopCredentialsService, TokenService.enrolmentSecret).
     */
    private EnrolResponse enrol(EnrolRequest request, String version) {
        String codeHash = hash(request.enrolmentCode());
        String secret = "sim-secret-" + hash("shop-secret:" + codeHash);
        OffsetDateTime now = now();
        var enrolled = db.update(SHOPS)
                .set(SHOPS.SECRET_HASH, hash(secret))
                .set(SHOPS.SPENT_ENROLMENT_CODE_HASH, SHOPS.ENROLMENT_CODE_HASH)
                .set(SHOPS.SPENT_ENROLMENT_EXPIRES_AT, SHOPS.ENROLMENT_EXPIRES_AT)
                .setNull(SHOPS.CREDENTIALS_USED_AT)
                .setNull(SHOPS.ENROLMENT_CODE_HASH)
                .setNull(SHOPS.ENROLMENT_EXPIRES_AT)
                .set(SHOPS.ENROLLED_AT, now)
                .set(SHOPS.LAST_SEEN_AT, now)
                .set(SHOPS.SCHEMA_VERSION, parseVersion(version))
                .where(SHOPS.ENROLMENT_CODE_HASH.eq(codeHash), SHOPS.ENROLMENT_EXPIRES_AT.gt(now),
                        SHOPS.IS_ACTIVE.isTrue())
                .returning(SHOPS.ID, SHOPS.NAME)
                .fetchOne();
        if (enrolled == null) {
            enrolled = db.update(SHOPS)
                    .set(SHOPS.SECRET_HASH, hash(secret))
                    .set(SHOPS.ENROLLED_AT, now)
                    .set(SHOPS.LAST_SEEN_AT, now)
                    .set(SHOPS.SCHEMA_VERSION, parseVersion(version))
                    .where(SHOPS.SPENT_ENROLMENT_CODE_HASH.eq(codeHash), SHOPS.ENROLMENT_CODE_HASH.isNull(),
                            SHOPS.CREDENTIALS_USED_AT.isNull(), SHOPS.SPENT_ENROLMENT_EXPIRES_AT.gt(now),
                            SHOPS.SECRET_HASH.isNotNull(), SHOPS.IS_ACTIVE.isTrue())
                    .returning(SHOPS.ID, SHOPS.NAME)
                    .fetchOne();
        }
        if (enrolled == null) {
            throw new Refusal(400, Codes.ENROLMENT_CODE_INVALID, "This enrolment code is unknown or already used.", null, null);
        }
        UUID enrolledId = enrolled.getId();
        db.transaction(c -> wakeEtl(c.dsl(), enrolledId, now));
        String shopId = enrolled.getId().toString();
        return new EnrolResponse(shopId, enrolled.getName(), secret, replicas.exists(shopId) ? replicas.highWaterSeq(shopId) : 0);
    }

    private Token authenticate(String authorization) {
        Token token = authorization == null || !authorization.startsWith("Bearer ") ? null : tokens.get(authorization.substring(7));
        if (token == null || !clock.instant().isBefore(token.expires())) {
            throw new Refusal(401, Codes.UNAUTHORIZED, "A valid bearer token is required.", null, null);
        }
        return token;
    }

    /** validate_shop_access: own path only, shop exists, secret unchanged since the token, active. */
    private ShopsRecord shop(Token token, String pathShopId) {
        if (!token.shopId().equalsIgnoreCase(pathShopId)) {
            throw new Refusal(403, Codes.SHOP_MISMATCH, "Not this token's shop.", null, null);
        }
        ShopsRecord shop = byId(token.shopId());
        if (shop == null || shop.getSecretHash() == null || !shop.getSecretHash().equals(token.secretHash())) {
            throw new Refusal(401, Codes.UNAUTHORIZED, "This shop's credentials have changed.", null, null);
        }
        if (!Boolean.TRUE.equals(shop.getIsActive())) {
            throw new Refusal(403, Codes.SHOP_INACTIVE, "This shop has been deactivated.", null, null);
        }
        return shop;
    }

    private HubStatus status(ShopsRecord shop, TransportRequest request) {
        int client = clientVersion(request);
        int[] versions = versions();
        db.update(SHOPS).set(SHOPS.LAST_SEEN_AT, now()).set(SHOPS.SCHEMA_VERSION, client).where(SHOPS.ID.eq(shop.getId())).execute();
        String shopId = shop.getId().toString();
        return new HubStatus(versions[0], versions[1], replicas.highWaterSeq(shopId), replicas.openQuarantineCount(shopId),
                clock.instant());
    }

    /** sync_with_schema_check: downloads need the required version, uploads the oldest accepted one. */
    private void gate(ShopsRecord shop, TransportRequest request, boolean download) {
        int client = clientVersion(request);
        int[] versions = versions();
        if (client < (download ? versions[0] : versions[1])) {
            throw new Refusal(426, Codes.SCHEMA_UPDATE_REQUIRED, "Update the till.", null, versions[0]);
        }
    }

    private int[] versions() {
        var settings = db.selectFrom(HUB_SETTINGS).where(HUB_SETTINGS.ID.eq(1)).fetchSingle();
        int required = settings.getRequiredShopSchemaVersion();
        return new int[] {required, Math.min(required, settings.getMinUploadSchemaVersion())};
    }

    private Object push(ShopsRecord shop, PushRequest batch, int client) {
        PushResult result = replicas.applyPush(shop.getId().toString(), batch);
        if (result instanceof PushResult.Gap gap) {
            throw new Refusal(409, Codes.SEQ_GAP, "Send again from seq " + gap.resumeFrom() + ".", gap.resumeFrom(), null);
        }
        OffsetDateTime now = now();
        db.transaction(c -> {
            c.dsl().update(SHOPS).set(SHOPS.LAST_SEEN_AT, now).set(SHOPS.LAST_PUSH_AT, now).set(SHOPS.SCHEMA_VERSION, client)
                    .where(SHOPS.ID.eq(shop.getId())).execute();
            wakeEtl(c.dsl(), shop.getId(), now);
        });
        return ((PushResult.Accepted) result).response();
    }

    private static void wakeEtl(DSLContext tx, UUID shopId, OffsetDateTime now) {
        tx.insertInto(ETL_JOBS).set(ETL_JOBS.SHOP_ID, shopId).set(ETL_JOBS.WAKE_REQUESTED_AT, now)
                .onConflict(ETL_JOBS.SHOP_ID).doUpdate().set(ETL_JOBS.WAKE_REQUESTED_AT, now)
                .execute();
    }

    private ShopsRecord byId(String shopId) {
        try {
            return shopId == null ? null : db.selectFrom(SHOPS).where(SHOPS.ID.eq(UUID.fromString(shopId))).fetchOne();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int clientVersion(TransportRequest request) {
        Integer v = parseVersion(request.header(SyncProtocol.SCHEMA_HEADER));
        if (v == null) {
            throw new Refusal(400, Codes.SCHEMA_VERSION_MISSING, "Send the schema version.", null, null);
        }
        return v;
    }

    private static Integer parseVersion(String header) {
        try {
            return header == null ? null : Integer.parseInt(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static TransportResponse json(int status, Object body) {
        return new TransportResponse(status, Map.of("content-type", "application/json"), SyncJson.write(body));
    }

    private static TransportResponse problem(int status, String code, String detail, Long resumeFrom, Integer requiredVersion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("code", code);
        body.put("detail", detail);
        body.put("resumeFrom", resumeFrom);
        body.put("requiredVersion", requiredVersion);
        return new TransportResponse(status, Map.of("content-type", "application/problem+json"), SyncJson.write(body));
    }
}
