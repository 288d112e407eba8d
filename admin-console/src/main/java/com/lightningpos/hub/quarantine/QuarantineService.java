package com.lightningpos.hub.quarantine;

import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.audit.CurrentUser;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The console's side of the quarantine: who may act, and the audit trail of what they did. */
@Service
public class QuarantineService {

    private final ObjectProvider<QuarantineProvider> provider;
    private final AuditLog audit;
    private final DSLContext db;

    public QuarantineService(ObjectProvider<QuarantineProvider> provider, AuditLog audit, DSLContext db) {
        this.provider = provider;
        this.audit = audit;
        this.db = db;
    }

    public boolean isAvailable() {
        return provider.getIfAvailable() != null;
    }

    public List<QuarantinedRow> open(UUID shopId, int offset, int limit) {
        return available().map(p -> p.open(shopId, offset, limit)).orElse(List.of());
    }

    public int countOpen(UUID shopId) {
        return available().map(p -> p.countOpen(shopId)).orElse(0);
    }

    @PreAuthorize("hasAnyRole('HEAD_OFFICE', 'SUPPORT')")
    public QuarantineProvider.RetryOutcome retry(String id) {
        QuarantineProvider.RetryOutcome outcome = required().retry(id);
        db.transaction(cfg -> audit.record(cfg.dsl(), "quarantine.retry", id,
                outcome.applied() ? "applied" : "still quarantined: " + outcome.reason()));
        return outcome;
    }

    @PreAuthorize("hasAnyRole('HEAD_OFFICE', 'SUPPORT')")
    public void discard(String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.validation("Say why the row is discarded");
        }
        String user = CurrentUser.name();
        required().discard(id, reason.strip(), user);
        db.transaction(cfg -> audit.record(cfg.dsl(), user, "quarantine.discard", id, reason.strip()));
    }

    private Optional<QuarantineProvider> available() {
        return Optional.ofNullable(provider.getIfAvailable());
    }

    private QuarantineProvider required() {
        return available().orElseThrow(() -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "not_available",
                "The quarantine is not available in this hub"));
    }
}
