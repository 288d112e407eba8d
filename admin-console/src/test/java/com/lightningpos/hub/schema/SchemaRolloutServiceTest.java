package com.lightningpos.hub.schema;

import static com.lightningpos.db.hub.Tables.AUDIT_LOG;
import static com.lightningpos.db.hub.Tables.HUB_SETTINGS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.api.ProblemException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The required version is hub-wide state; every test here starts from version 1 and puts it back,
 * so the other test classes sharing this hub see the schema as it was.
 */
@WithMockUser(username = "olivia", roles = "HEAD_OFFICE")
class SchemaRolloutServiceTest extends HubTestBase {

    @Autowired
    SchemaRolloutService rollout;
    @Autowired
    HubFixtures fixtures;
    @Autowired
    DSLContext db;

    @BeforeEach
    @AfterEach
    void requireVersionOne() {
        db.update(HUB_SETTINGS)
                .set(HUB_SETTINGS.REQUIRED_SHOP_SCHEMA_VERSION, 1)
                .set(HUB_SETTINGS.MIN_UPLOAD_SCHEMA_VERSION, 1)
                .setNull(HUB_SETTINGS.CANARY_REQUIRED_SHOP_SCHEMA_VERSION)
                .execute();
    }

    @Test
    void raising_the_required_version_keeps_uploads_open_one_version_back_and_is_audited() {
        UUID behind = fixtures.syncedShop(HubFixtures.unique("Behind"), OffsetDateTime.now(), 2);
        UUID current = fixtures.syncedShop(HubFixtures.unique("Current"), OffsetDateTime.now(), 3);
        UUID unknown = fixtures.shop(HubFixtures.unique("Unknown"));

        assertThat(rollout.shopsBelow(3, false)).extracting(ShopVersion::id).contains(behind, unknown).doesNotContain(current);
        SchemaStatus status = rollout.raiseRequired(3, null);

        assertThat(status.requiredVersion()).isEqualTo(3);
        assertThat(status.minUploadVersion()).isEqualTo(2);
        assertThat(status.updatedBy()).isEqualTo("olivia");
        assertThat(rollout.requiredVersionFor(behind)).isEqualTo(3);
        assertThat(status.versions()).anySatisfy(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.shops()).isPositive();
        });
        assertThat(db.select(AUDIT_LOG.DETAILS).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("schema.raise_required"))
                .orderBy(AUDIT_LOG.ID.desc()).limit(1).fetchSingle().value1()).startsWith("1 → 3, uploads from 2");
    }

    @Test
    void the_required_version_cannot_be_lowered() {
        rollout.raiseRequired(2, null);

        assertThatThrownBy(() -> rollout.raiseRequired(1, null)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("cannot be lowered");
        assertThat(rollout.status().requiredVersion()).isEqualTo(2);
    }

    @Test
    void a_canary_rollout_asks_canary_shops_first_and_ends_when_the_chain_follows() {
        UUID canary = fixtures.syncedShop(HubFixtures.unique("Canary"), OffsetDateTime.now(), 1);
        db.update(SHOPS).set(SHOPS.CANARY, true).where(SHOPS.ID.eq(canary)).execute();
        UUID regular = fixtures.syncedShop(HubFixtures.unique("Regular"), OffsetDateTime.now(), 1);

        SchemaStatus status = rollout.raiseCanary(2);

        assertThat(status.canaryRequiredVersion()).isEqualTo(2);
        assertThat(rollout.requiredVersionFor(canary)).isEqualTo(2);
        assertThat(rollout.requiredVersionFor(regular)).isEqualTo(1);
        assertThat(rollout.shopsBelow(2, true)).extracting(ShopVersion::id).contains(canary).doesNotContain(regular);

        assertThat(rollout.raiseRequired(2, null).canaryRequiredVersion()).isNull();
        assertThat(rollout.requiredVersionFor(regular)).isEqualTo(2);
    }

    @Test
    void a_canary_rollout_can_be_called_off_and_canary_shops_are_asked_for_the_chain_version_again() {
        UUID canary = fixtures.syncedShop(HubFixtures.unique("Canary"), OffsetDateTime.now(), 1);
        db.update(SHOPS).set(SHOPS.CANARY, true).where(SHOPS.ID.eq(canary)).execute();
        rollout.raiseCanary(2);

        SchemaStatus status = rollout.cancelCanary();

        assertThat(status.canaryRequiredVersion()).isNull();
        assertThat(rollout.requiredVersionFor(canary)).isEqualTo(1);
        assertThat(db.select(AUDIT_LOG.DETAILS).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("schema.cancel_canary"))
                .orderBy(AUDIT_LOG.ID.desc()).limit(1).fetchSingle().value1()).startsWith("canary rollout of 2 called off");
        assertThatThrownBy(rollout::cancelCanary).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.code()).isEqualTo("no_canary_rollout"));
    }

    @Test
    @WithMockUser(username = "sam", roles = "SUPPORT")
    void support_staff_cannot_raise_the_version() {
        assertThatThrownBy(() -> rollout.raiseRequired(5, null)).isInstanceOf(AccessDeniedException.class);
    }
}
