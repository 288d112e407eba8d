package com.lightningpos.pos.sync;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code /api/sync}: the till's sync status, sync on demand, and a live status stream. */
@RestController
@RequestMapping("/api/sync")
class SyncController {

    private final SyncService sync;
    private final SyncEvents events;

    SyncController(SyncService sync, SyncEvents events) {
        this.sync = sync;
        this.events = events;
    }

    @GetMapping("/status")
    SyncStatus status() {
        return sync.status();
    }

    /** Runs a sync now: {@code outcome} ok, failed, or skipped (one is running, or the till is standalone). */
    @PostMapping
    SyncService.Result syncNow() {
        return sync.syncNow();
    }

    /**
     * Syncs, then has the hub compare this shop's tables on the till, its replica and PostgreSQL:
     * {@code outcome} consistent, differs, pending, failed or skipped, with the hub's comparison.
     */
    @PostMapping("/verify")
    SyncService.VerifyResult verify() {
        return sync.verifyNow();
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return events.subscribe();
    }
}
