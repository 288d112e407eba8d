package com.lightningpos.pos.sync;

import static com.lightningpos.db.shop.Tables.SHOP_CONFIG;

import com.lightningpos.db.SchemaKind;
import com.lightningpos.etl.sync.EnrolResponse;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.etl.sync.client.HubCallException;
import com.lightningpos.pos.config.PosProperties;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trades {@code pos.enrolment-code} for permanent credentials, once. The credentials file is
 * written the moment the hub answers (the code is spent then), before the shop identity changes.
 * If the hub cannot be reached the till starts anyway, sells as before, and tries again at the next
 * sync; a till that already has credentials never uses the code again.
 */
final class Enrolment {

    private static final Logger log = LoggerFactory.getLogger(Enrolment.class);

    private final PosProperties properties;
    private final CredentialsStore store;
    private final DSLContext db;
    private final Clock clock;
    private final TillJoin join;

    Enrolment(PosProperties properties, CredentialsStore store, DSLContext db, Clock clock, TillJoin join) {
        this.properties = properties;
        this.store = store;
        this.db = db;
        this.clock = clock;
        this.join = join;
    }

    /** The credentials, enrolling first when the settings ask for it and none exist yet. */
    Optional<StoredCredentials> credentials() throws TransportException, HubCallException {
        Optional<StoredCredentials> stored = store.read();
        if (stored.isPresent()) {
            if (join.awaitingCatalog()) {
                join.matchCatalog(joinHub(stored.get()), stored.get()); // a join interrupted before its catalog was applied
            }
            adoptIfInterrupted(stored.get());
            return stored;
        }
        if (properties.standalone() || blank(properties.enrolmentCode())) {
            return stored;
        }
        URI hub = HubUrls.check(properties.hubUrl(), properties.allowInsecureHub());
        join.beforeEnrolment();
        EnrolResponse enrolled = HubApi.enrol(new HttpSyncTransport(hub), properties.enrolmentCode().strip(),
                SchemaKind.SHOP.latestVersion());
        String now = clock.instant().toString();
        StoredCredentials credentials = new StoredCredentials(enrolled.shopId(), enrolled.secret(), hub.toString(),
                enrolled.shopName(), now);
        if (join.awaitingCatalog()) {
            // A join: the catalog is matched first, then the identity adopted (TillJoin does both).
            // The answer goes into join.json before credentials.json: with credentials the till never
            // enrols again, so a crash between the two would lose the high-water mark its history
            // must be numbered after. The other way round the till simply enrols again (same answer).
            join.enrolled(enrolled.shopId(), enrolled.highWaterSeq());
            store.write(credentials);
            log.info("Enrolled with the hub at {} as shop {} ({}); joining with this till's history", hub, enrolled.shopName(),
                    enrolled.shopId());
            join.matchCatalog(joinHub(credentials), credentials);
            return Optional.of(credentials);
        }
        OutboxContinuation.continueAfter(db, enrolled.highWaterSeq());
        store.write(credentials);
        IdentityAdoption.adopt(db, enrolled.shopId(), enrolled.shopName(), hub.toString(), now);
        log.info("Enrolled with the hub at {} as shop {} ({})", hub, enrolled.shopName(), enrolled.shopId());
        return Optional.of(credentials);
    }

    /** A crash between writing the credentials and adopting the identity is finished here. */
    private void adoptIfInterrupted(StoredCredentials credentials) {
        String current = db.select(SHOP_CONFIG.ID).from(SHOP_CONFIG).limit(1).fetchOne(SHOP_CONFIG.ID);
        if (!credentials.shopId().equals(current)) {
            IdentityAdoption.adopt(db, credentials.shopId(), credentials.shopName(), credentials.hubUrl(), credentials.enrolledAt());
        }
    }

    private JoinHub joinHub(StoredCredentials credentials) {
        String url = properties.standalone() ? credentials.hubUrl() : properties.hubUrl();
        return new HubApiJoinHub(new HubApi(new HttpSyncTransport(HubUrls.check(url, properties.allowInsecureHub())),
                credentials.credentials(), SchemaKind.SHOP.latestVersion(), clock));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
