package com.lightningpos.hub.backup;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/backups} lists the hub's backups; {@code POST /api/admin/backups} takes one now
 * (head office only), e.g. before an upgrade.
 */
@RestController
@RequestMapping("/api/admin/backups")
public class HubBackupController {

    private final HubBackupScheduler scheduler;

    public HubBackupController(HubBackupScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @GetMapping
    public Map<String, Object> list() {
        return Map.of("directory", scheduler.backups().directory().toAbsolutePath().toString(),
                "backups", scheduler.list().stream().map(HubBackupController::summary).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public Map<String, Object> backupNow() {
        return summary(scheduler.backupNow());
    }

    private static Map<String, Object> summary(HubBackups.Backup b) {
        HubBackups.Database db = b.manifest().database();
        long rows = db.tables().stream().mapToLong(DatabaseDump.Table::rows).sum();
        return Map.of("name", b.name(), "createdAt", b.createdAt().toString(), "databaseIncluded", db.included(),
                "rows", rows, "replicas", b.manifest().replicas().size(),
                "pgDump", db.pgDumpFile() != null ? db.pgDumpFile() : "skipped: " + (db.pgDumpSkipped() == null ? "-" : db.pgDumpSkipped()),
                "path", b.dir().toAbsolutePath().toString());
    }
}
