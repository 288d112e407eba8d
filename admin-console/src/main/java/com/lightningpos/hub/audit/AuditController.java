package com.lightningpos.hub.audit;

import com.lightningpos.hub.api.AdminApi;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read access to the audit trail for head office scripts. */
@RestController
@AdminApi
@RequestMapping("/api/admin/audit")
@Tag(name = "Audit log")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    record AuditPage(List<AuditEntry> entries, int total) {
    }

    @GetMapping
    AuditPage list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "50") int limit,
                   @RequestParam(defaultValue = "0") int offset) {
        int size = Math.max(1, Math.min(limit, 500));
        return new AuditPage(audit.search(q, Math.max(0, offset), size), audit.count(q));
    }
}
