package com.lightningpos.hub.quarantine;

import static com.lightningpos.db.hub.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "sam", roles = "SUPPORT")
class QuarantineServiceTest extends HubTestBase {

    @Autowired
    QuarantineService quarantine;
    @Autowired
    AuditLog audit;
    @Autowired
    DSLContext db;

    @Test
    void without_a_provider_the_quarantine_is_not_available() {
        QuarantineService withoutReplicas = new QuarantineService(
                new StaticListableBeanFactory().getBeanProvider(QuarantineProvider.class), audit, db);
        assertThat(quarantine.isAvailable()).as("the hub app provides the replicas' quarantine").isTrue();
        assertThat(withoutReplicas.isAvailable()).isFalse();
        assertThat(withoutReplicas.open(null, 0, 10)).isEmpty();
        assertThatThrownBy(() -> withoutReplicas.retry("x"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("not_available"));
    }

    @Test
    void retries_and_discards_go_to_the_provider_and_the_audit_log() {
        FakeProvider fake = new FakeProvider();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("quarantine", fake);
        QuarantineService service = new QuarantineService(beans.getBeanProvider(QuarantineProvider.class), audit, db);
        String id = "q-" + UUID.randomUUID();

        assertThat(service.isAvailable()).isTrue();
        assertThat(service.open(null, 0, 10)).hasSize(1);
        assertThat(service.retry(id).applied()).isFalse();
        assertThatThrownBy(() -> service.discard(id, " ")).isInstanceOf(ProblemException.class);
        service.discard(id, "duplicate of a refund already loaded");

        assertThat(fake.discarded).containsExactly(id + " by sam: duplicate of a refund already loaded");
        assertThat(db.select(AUDIT_LOG.USERNAME, AUDIT_LOG.ACTION, AUDIT_LOG.DETAILS).from(AUDIT_LOG)
                .where(AUDIT_LOG.TARGET.eq(id)).orderBy(AUDIT_LOG.ID).fetch(r -> r.value1() + " " + r.value2() + " " + r.value3()))
                .containsExactly("sam quarantine.retry still quarantined: missing item",
                        "sam quarantine.discard duplicate of a refund already loaded");
    }

    static final class FakeProvider implements QuarantineProvider {
        final List<String> discarded = new ArrayList<>();

        @Override
        public List<QuarantinedRow> open(UUID shopId, int offset, int limit) {
            return List.of(new QuarantinedRow("q-1", UUID.randomUUID(), "sales_order_items", "r-1", "INSERT", "{}",
                    "missing item", Instant.now(), 1));
        }

        @Override
        public int countOpen(UUID shopId) {
            return 1;
        }

        @Override
        public RetryOutcome retry(String id) {
            return new RetryOutcome(false, "missing item");
        }

        @Override
        public void discard(String id, String reason, String discardedBy) {
            discarded.add(id + " by " + discardedBy + ": " + reason);
        }
    }
}
