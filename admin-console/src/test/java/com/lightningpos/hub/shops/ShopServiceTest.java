package com.lightningpos.hub.shops;

import static com.lightningpos.db.hub.Tables.AUDIT_LOG;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.security.Secrets;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "olivia", roles = "HEAD_OFFICE")
class ShopServiceTest extends HubTestBase {

    @Autowired
    ShopService shops;
    @Autowired
    DSLContext db;
    @Autowired
    HubFixtures fixtures;

    @Test
    void provisioning_returns_a_code_once_and_stores_only_its_hash() {
        String name = HubFixtures.unique("Harbour Street");

        EnrolmentCode code = shops.provision("  " + name + " ");

        var row = db.selectFrom(SHOPS).where(SHOPS.ID.eq(code.shopId())).fetchSingle();
        assertThat(row.getName()).isEqualTo(name);
        assertThat(code.code()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(row.getEnrolmentCodeHash()).isEqualTo(Secrets.hash(code.code())).isNotEqualTo(code.code());
        assertThat(row.getSecretHash()).isNull();
        assertThat(row.getIsActive()).isTrue();
        assertThat(Duration.between(OffsetDateTime.now(), row.getEnrolmentExpiresAt()))
                .isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
        assertThat(code.command()).startsWith("java -jar local-pos-server.jar --pos.hub-url=http://localhost:")
                .endsWith(" --pos.enrolment-code=" + code.code());
        assertThat(shops.get(code.shopId()).status()).isEqualTo(ShopStatus.NEVER_SYNCED);
        assertThat(lastAudit(code.shopId().toString())).isEqualTo("olivia shop.provision");
    }

    @Test
    void rotating_credentials_clears_the_secret_and_replaces_the_code() {
        var shop = fixtures.syncedShop(HubFixtures.unique("Rotated"), OffsetDateTime.now(), 2);
        String oldSecretHash = db.select(SHOPS.SECRET_HASH).from(SHOPS).where(SHOPS.ID.eq(shop)).fetchSingle().value1();
        assertThat(oldSecretHash).isNotNull();

        EnrolmentCode code = shops.rotateCredentials(shop);

        var row = db.selectFrom(SHOPS).where(SHOPS.ID.eq(shop)).fetchSingle();
        assertThat(row.getSecretHash()).isNull();
        assertThat(Secrets.matches(code.code(), row.getEnrolmentCodeHash())).isTrue();
        assertThat(shops.get(shop).enrolled()).isFalse();
        assertThat(lastAudit(shop.toString())).isEqualTo("olivia shop.rotate_credentials");
    }

    @Test
    void a_deactivated_shop_is_inactive_until_reactivated() {
        var shop = fixtures.syncedShop(HubFixtures.unique("Seasonal"), OffsetDateTime.now(), 2);

        assertThat(shops.deactivate(shop).status()).isEqualTo(ShopStatus.INACTIVE);
        assertThat(lastAudit(shop.toString())).isEqualTo("olivia shop.deactivate");

        assertThat(shops.reactivate(shop).active()).isTrue();
        assertThat(lastAudit(shop.toString())).isEqualTo("olivia shop.reactivate");
    }

    @Test
    void a_shop_needs_a_name_and_unknown_shops_are_not_found() {
        assertThatThrownBy(() -> shops.provision("  ")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> shops.deactivate(java.util.UUID.randomUUID()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }

    @Test
    void the_list_searches_names_by_prefix_and_pages() {
        String prefix = HubFixtures.unique("Chain");
        for (int i = 0; i < 3; i++) {
            fixtures.shop(prefix + " shop " + i);
        }

        assertThat(shops.count(prefix.toLowerCase())).isEqualTo(3);
        assertThat(shops.page(prefix, 1, 5)).extracting(ShopOverview::name)
                .containsExactly(prefix + " shop 1", prefix + " shop 2");
    }

    @Test
    @WithMockUser(username = "sam", roles = "SUPPORT")
    void support_staff_cannot_provision_or_change_shops() {
        var shop = fixtures.shop(HubFixtures.unique("Guarded"));

        assertThatThrownBy(() -> shops.provision("Nope")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> shops.rotateCredentials(shop)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> shops.deactivate(shop)).isInstanceOf(AccessDeniedException.class);
        assertThat(shops.get(shop).name()).startsWith("Guarded");
    }

    private String lastAudit(String target) {
        var r = db.select(AUDIT_LOG.USERNAME, AUDIT_LOG.ACTION).from(AUDIT_LOG).where(AUDIT_LOG.TARGET.eq(target))
                .orderBy(AUDIT_LOG.ID.desc()).limit(1).fetchSingle();
        return r.value1() + " " + r.value2();
    }
}
