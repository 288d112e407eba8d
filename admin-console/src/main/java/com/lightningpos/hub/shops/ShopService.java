package com.lightningpos.hub.shops;

import static com.lightningpos.db.hub.Tables.SHOPS;

import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.security.Secrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Provisioning and the life cycle of shops. A new shop gets an id and a one-time enrolment code;
 * the till trades the code for its own secret at the sync API (see the sync package), after which
 * the code is spent. Rotating credentials issues a new code and clears the secret, so the shop's
 * next call fails until it enrols again with the new code.
 *
 * <p>The ETL and sync code create a shop's {@code etl_jobs} and propagation cursor rows themselves
 * when they first meet the shop; provisioning writes only the {@code shops} row.
 */
@Service
public class ShopService {

    public static final int MAX_NAME_LENGTH = 120;

    private final DSLContext db;
    private final AuditLog audit;
    private final ShopOverviewQuery overview;
    private final ShopProvisioningProperties properties;
    private final Environment environment;
    private final Clock clock;
    private final UuidV7 ids;

    public ShopService(DSLContext db, AuditLog audit, ShopOverviewQuery overview, ShopProvisioningProperties properties,
                       Environment environment, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.overview = overview;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public EnrolmentCode provision(String name) {
        String shopName = validName(name);
        UUID id = ids.next();
        String code = Secrets.newEnrolmentCode();
        OffsetDateTime expires = expiry();
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.insertInto(SHOPS)
                    .set(SHOPS.ID, id)
                    .set(SHOPS.NAME, shopName)
                    .set(SHOPS.ENROLMENT_CODE_HASH, Secrets.hash(code))
                    .set(SHOPS.ENROLMENT_EXPIRES_AT, expires)
                    .execute();
            audit.record(tx, "shop.provision", id.toString(), "name=" + shopName + ", code expires " + expires);
        });
        return new EnrolmentCode(id, shopName, code, command(code), expires);
    }

    /** A new enrolment code; the shop's secret is cleared, so it must enrol again with this code. */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public EnrolmentCode rotateCredentials(UUID shopId) {
        String code = Secrets.newEnrolmentCode();
        OffsetDateTime expires = expiry();
        String name = db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            String shopName = tx.update(SHOPS)
                    .set(SHOPS.ENROLMENT_CODE_HASH, Secrets.hash(code))
                    .set(SHOPS.ENROLMENT_EXPIRES_AT, expires)
                    .setNull(SHOPS.SECRET_HASH)
                    .where(SHOPS.ID.eq(shopId))
                    .returning(SHOPS.NAME)
                    .fetchOptional(SHOPS.NAME)
                    .orElseThrow(() -> unknownShop(shopId));
            audit.record(tx, "shop.rotate_credentials", shopId.toString(), "secret cleared, new code expires " + expires);
            return shopName;
        });
        return new EnrolmentCode(shopId, name, code, command(code), expires);
    }

    /** An inactive shop is refused by the sync API; its data stays. */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public ShopOverview deactivate(UUID shopId) {
        return setActive(shopId, false);
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public ShopOverview reactivate(UUID shopId) {
        return setActive(shopId, true);
    }

    /** Canary shops are asked for a raised schema version before the rest (see schema rollout). */
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public ShopOverview setCanary(UUID shopId, boolean canary) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            if (tx.update(SHOPS).set(SHOPS.CANARY, canary).where(SHOPS.ID.eq(shopId)).execute() == 0) {
                throw unknownShop(shopId);
            }
            audit.record(tx, canary ? "shop.canary_on" : "shop.canary_off", shopId.toString(), null);
        });
        return get(shopId);
    }

    public ShopOverview get(UUID shopId) {
        return overview.byId(shopId).orElseThrow(() -> unknownShop(shopId));
    }

    public List<ShopOverview> page(String text, int offset, int limit) {
        return overview.page(text, offset, limit);
    }

    public int count(String text) {
        return overview.count(text);
    }

    /** Id and name of every shop, for filters. */
    public List<ShopName> names() {
        return db.select(SHOPS.ID, SHOPS.NAME).from(SHOPS).orderBy(SHOPS.NAME).fetch(r -> new ShopName(r.value1(), r.value2()));
    }

    /** The command a person runs at the shop to enrol its till server. */
    public String command(String code) {
        return "java -jar local-pos-server.jar --pos.hub-url=" + publicUrl() + " --pos.enrolment-code=" + code;
    }

    String publicUrl() {
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    private ShopOverview setActive(UUID shopId, boolean active) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            if (tx.update(SHOPS).set(SHOPS.IS_ACTIVE, active).where(SHOPS.ID.eq(shopId)).execute() == 0) {
                throw unknownShop(shopId);
            }
            audit.record(tx, active ? "shop.reactivate" : "shop.deactivate", shopId.toString(), null);
        });
        return get(shopId);
    }

    private OffsetDateTime expiry() {
        return clock.instant().plus(properties.enrolmentCodeTtl()).atOffset(ZoneOffset.UTC);
    }

    private static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw ProblemException.validation("A shop needs a name");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw ProblemException.validation("A shop name has at most " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    private static ProblemException unknownShop(UUID id) {
        return ProblemException.notFound("No shop " + id);
    }
}
