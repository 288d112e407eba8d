package com.lightningpos.pos.sync;

import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for the till's sync panel: event {@code status} with the status JSON, on
 * every change and at least every 15 s (which also keeps proxies from closing an idle stream).
 */
@Component
class SyncEvents {

    private final SyncService sync;
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final DSLContext db;
    private volatile long lastOutboxSeq = -1;

    SyncEvents(SyncService sync, DSLContext db) {
        this.sync = sync;
        this.db = db;
        sync.onChange(this::publish);
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the browser keeps it open as long as the page lives
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        send(emitter, sync.status());
        return emitter;
    }

    /**
     * Ends the open streams first thing at shutdown: graceful shutdown would otherwise wait its
     * full timeout for these never-ending requests. Browsers reconnect to the next server.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @Scheduled(fixedRate = 15_000, initialDelay = 15_000)
    void heartbeat() {
        publish();
    }

    /**
     * A sale made by another client (a second till screen, an integration) changes the outbox without
     * a sync run; the newest outbox seq tells the panel within a second.
     */
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void publishWhenTheOutboxChanged() {
        if (emitters.isEmpty()) {
            return;
        }
        Long newest = db.select(DSL.max(SYNC_CHANGES.SEQ)).from(SYNC_CHANGES).fetchOne(0, Long.class);
        long seq = newest == null ? 0 : newest;
        if (seq != lastOutboxSeq) {
            lastOutboxSeq = seq;
            publish();
        }
    }

    void publish() {
        if (emitters.isEmpty()) {
            return;
        }
        SyncStatus status = sync.status();
        emitters.forEach(emitter -> send(emitter, status));
    }

    private void send(SseEmitter emitter, SyncStatus status) {
        try {
            emitter.send(SseEmitter.event().name("status").data(status, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter); // the browser went away; it reconnects on its own
        }
    }
}
