package com.lightningpos.hub.sync;

import static com.lightningpos.db.hub.Tables.SHOPS;

import com.lightningpos.db.hub.tables.records.ShopsRecord;
import com.lightningpos.etl.sync.EnrolResponse;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import com.lightningpos.etl.sync.TokenRequest;
import com.lightningpos.etl.sync.TokenResponse;
import com.lightningpos.hub.security.Secrets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The two exchanges that need no token: an enrolment code (single use, expiring) for a shop's
 * permanent secret, and the secret for a short-lived token. Only hashes are stored.
 */
@Service
class ShopCredentialsService {

    private static final Logger log = LoggerFactory.getLogger(ShopCredentialsService.class);

    private final DSLContext db;
    private final TokenService tokens;
    private final ShopActivity activity;
    private final Clock clock;
    private final ReplicaStore replicas;

    ShopCredentialsService(DSLContext db, TokenService tokens, ShopActivity activity, Clock clock, ReplicaStore replicas) {
        this.db = db;
        this.tokens = tokens;
        this.activity = activity;
        this.clock = clock;
        this.replicas = replicas;
    }

    EnrolResponse enrol(String enrolmentCode, Integer schemaVersion) {
        String codeHash = Secrets.hash(enrolmentCode.strip().toUpperCase(Locale.ROOT));
        String secret = tokens.enrolmentSecret(codeHash);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        // One statement: two tills racing with the same code cannot both win it. The spent code's hash
        // (and its expiry) are kept so that a till whose answer was lost can ask again, see below.
        var enrolled = db.update(SHOPS)
                .set(SHOPS.SECRET_HASH, Secrets.hash(secret))
                .set(SHOPS.SPENT_ENROLMENT_CODE_HASH, SHOPS.ENROLMENT_CODE_HASH)
                .set(SHOPS.SPENT_ENROLMENT_EXPIRES_AT, SHOPS.ENROLMENT_EXPIRES_AT)
                .setNull(SHOPS.CREDENTIALS_USED_AT)
                .setNull(SHOPS.ENROLMENT_CODE_HASH)
                .setNull(SHOPS.ENROLMENT_EXPIRES_AT)
                .set(SHOPS.ENROLLED_AT, now)
                .set(SHOPS.LAST_SEEN_AT, now)
                .set(SHOPS.SCHEMA_VERSION, schemaVersion)
                .where(SHOPS.ENROLMENT_CODE_HASH.eq(codeHash), SHOPS.ENROLMENT_EXPIRES_AT.gt(now), SHOPS.IS_ACTIVE.isTrue())
                .returning(SHOPS.ID, SHOPS.NAME)
                .fetchOne();
        if (enrolled == null) {
            // A retry with the spent code: honoured while the enrolled secret has never been used (no
            // token issued, so no push either) and the code's own expiry has not passed. The till gets
            // the same shop id and the same secret (derived from the code with the hub's key), so a
            // duplicated or late copy of the request cannot replace the secret the till already stored.
            enrolled = db.update(SHOPS)
                    .set(SHOPS.SECRET_HASH, Secrets.hash(secret))
                    .set(SHOPS.ENROLLED_AT, now)
                    .set(SHOPS.LAST_SEEN_AT, now)
                    .set(SHOPS.SCHEMA_VERSION, schemaVersion)
                    .where(SHOPS.SPENT_ENROLMENT_CODE_HASH.eq(codeHash), SHOPS.ENROLMENT_CODE_HASH.isNull(),
                            SHOPS.CREDENTIALS_USED_AT.isNull(), SHOPS.SPENT_ENROLMENT_EXPIRES_AT.gt(now),
                            SHOPS.SECRET_HASH.isNotNull(), SHOPS.IS_ACTIVE.isTrue())
                    .returning(SHOPS.ID, SHOPS.NAME)
                    .fetchOne();
            if (enrolled != null) {
                log.warn("Shop {} ({}) sent its enrolment again (the first answer did not arrive, or the request "
                        + "came twice); answered with the same credentials", enrolled.getName(), enrolled.getId());
            }
        }
        if (enrolled == null) {
            throw refusal(db.selectFrom(SHOPS).where(SHOPS.ENROLMENT_CODE_HASH.eq(codeHash)).fetchOne());
        }
        log.info("Shop {} ({}) enrolled", enrolled.getName(), enrolled.getId());
        activity.enrolled(enrolled.getId());
        String shopId = enrolled.getId().toString();
        long highWater = replicas.exists(shopId) ? replicas.highWaterSeq(shopId) : 0;
        return new EnrolResponse(shopId, enrolled.getName(), secret, highWater);
    }

    TokenResponse token(TokenRequest request) {
        ShopsRecord shop = shop(request.shopId());
        if (shop == null || shop.getSecretHash() == null || !Secrets.matches(request.secret(), shop.getSecretHash())) {
            throw new SyncApiException(HttpStatus.UNAUTHORIZED, Codes.BAD_CREDENTIALS, "Unknown shop or wrong secret.");
        }
        if (!Boolean.TRUE.equals(shop.getIsActive())) {
            throw new SyncApiException(HttpStatus.FORBIDDEN, Codes.SHOP_INACTIVE, "This shop has been deactivated by head office.");
        }
        if (shop.getCredentialsUsedAt() == null) {
            // From now on the enrolment code cannot be replayed for a new secret.
            db.update(SHOPS).set(SHOPS.CREDENTIALS_USED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .where(SHOPS.ID.eq(shop.getId()), SHOPS.CREDENTIALS_USED_AT.isNull()).execute();
        }
        return tokens.issue(shop.getId(), shop.getSecretHash());
    }

    private ShopsRecord shop(String shopId) {
        try {
            return shopId == null ? null : db.selectFrom(SHOPS).where(SHOPS.ID.eq(UUID.fromString(shopId))).fetchOne();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static SyncApiException refusal(ShopsRecord withCode) {
        if (withCode != null && !Boolean.TRUE.equals(withCode.getIsActive())) {
            return new SyncApiException(HttpStatus.FORBIDDEN, Codes.SHOP_INACTIVE, "This shop has been deactivated by head office.");
        }
        String why = withCode != null ? "This enrolment code has expired; ask head office for a new one."
                : "This enrolment code is unknown or already used; ask head office for a new one.";
        return new SyncApiException(HttpStatus.BAD_REQUEST, Codes.ENROLMENT_CODE_INVALID, why);
    }
}
