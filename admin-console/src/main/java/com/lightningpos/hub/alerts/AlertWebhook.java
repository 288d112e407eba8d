package com.lightningpos.hub.alerts;

import static com.lightningpos.db.hub.Tables.ALERTS;
import static com.lightningpos.db.hub.Tables.SHOPS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lightningpos.db.hub.tables.records.AlertsRecord;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends "opened" and "resolved" events to {@code hub.alerts.webhook-url} as JSON, on its own thread
 * so a slow receiver never delays evaluation. The delivery state is stored on the alert row (see
 * V6__alerts.sql): a restart never loses an event. Delivery is at least once: the call is made before
 * the delivery is recorded, so a crash between the two sends that event again. A failed call
 * is retried with a doubling back-off (10 s up to 10 min) until {@code webhook-max-attempts}. An
 * alert's "opened" goes before its "resolved". With two hub instances, a row being delivered is
 * locked, so the other skips it.
 */
@Component
public class AlertWebhook implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertWebhook.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(10);
    private static final Duration RETRY_CHECK = Duration.ofSeconds(10);
    private static final int EVENTS_PER_ROUND = 200;

    /** The JSON body, as documented in docs/operations.md. */
    public record Event(String event, String rule, String subject, String shopName, String severity, String message,
                        String since, String consoleUrl) {
    }

    private final DSLContext db;
    private final AlertProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final AtomicBoolean roundQueued = new AtomicBoolean();
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-webhook");
        t.setDaemon(true);
        return t;
    });

    public AlertWebhook(DSLContext db, AlertProperties properties, ObjectMapper json, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).build();
    }

    public boolean enabled() {
        return properties.webhookEnabled();
    }

    /** Starts the periodic retry round; called once the hub is up. */
    void start() {
        if (enabled()) {
            long period = RETRY_CHECK.toMillis();
            background.scheduleWithFixedDelay(this::deliverQuietly, period, period, TimeUnit.MILLISECONDS);
            log.info("Alert webhook: {}", properties.webhookUrl());
        }
    }

    /** Queues a delivery round now (after an evaluation) without waiting for it. */
    void deliverSoon() {
        if (enabled() && roundQueued.compareAndSet(false, true)) {
            background.execute(() -> {
                roundQueued.set(false);
                deliverQuietly();
            });
        }
    }

    /**
     * Delivers every event that is due, one call at a time, and answers how many were delivered.
     * Events that fail are rescheduled and not tried again in this round.
     */
    public synchronized int deliverDue() {
        if (!enabled()) {
            return 0;
        }
        int delivered = 0;
        for (int i = 0; i < EVENTS_PER_ROUND; i++) {
            Boolean sent = db.transactionResult(cfg -> deliverOne(cfg.dsl()));
            if (sent == null) {
                break;
            }
            if (sent) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Null when nothing is due, else whether the one due event was delivered. */
    private Boolean deliverOne(DSLContext tx) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Condition pending = ALERTS.OPENED_DELIVERY.eq("pending").or(ALERTS.RESOLVED_DELIVERY.eq("pending"));
        AlertsRecord alert = tx.selectFrom(ALERTS)
                .where(pending)
                .and(ALERTS.NEXT_DELIVERY_AT.isNull().or(ALERTS.NEXT_DELIVERY_AT.le(now)))
                .orderBy(ALERTS.ID)
                .limit(1)
                .forUpdate().skipLocked()
                .fetchOne();
        if (alert == null) {
            return null;
        }
        boolean opening = "pending".equals(alert.getOpenedDelivery());
        String failure = post(event(tx, alert, opening ? "opened" : "resolved"));
        if (failure == null) {
            finish(alert, opening, "sent", null);
            alert.store();
            return true;
        }
        int attempts = alert.getDeliveryAttempts() + 1;
        if (attempts >= properties.webhookMaxAttempts()) {
            log.error("Alert webhook gave up on {} {} {} after {} attempts: {}", opening ? "opened" : "resolved",
                    alert.getRule(), alert.getSubject(), attempts, failure);
            finish(alert, opening, "failed", failure);
        } else {
            log.warn("Alert webhook call failed (attempt {}), retrying: {}", attempts, failure);
            alert.setDeliveryAttempts(attempts);
            alert.setNextDeliveryAt(now.plus(backoff(attempts)));
            alert.setDeliveryError(failure);
        }
        alert.store();
        return false;
    }

    private static void finish(AlertsRecord alert, boolean opening, String state, String error) {
        if (opening) {
            alert.setOpenedDelivery(state);
        } else {
            alert.setResolvedDelivery(state);
        }
        alert.setDeliveryAttempts(0);
        alert.setNextDeliveryAt(null);
        alert.setDeliveryError(error);
    }

    /** 10 s after the first failure, doubling, at most 10 min. */
    static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 16));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    private Event event(DSLContext tx, AlertsRecord alert, String kind) {
        String shopName = alert.getShopId() == null ? null
                : tx.select(SHOPS.NAME).from(SHOPS).where(SHOPS.ID.eq(alert.getShopId())).fetchOne(SHOPS.NAME);
        String console = properties.consoleUrl().endsWith("/") ? properties.consoleUrl() + "alerts"
                : properties.consoleUrl() + "/alerts";
        return new Event(kind, alert.getRule(), alert.getSubject(), shopName, alert.getSeverity(), alert.getMessage(),
                alert.getFirstSeenAt().toInstant().toString(), console);
    }

    /** Null when the receiver answered 2xx, else what went wrong. */
    private String post(Event event) {
        try {
            HttpRequest request = HttpRequest.newBuilder(properties.webhookUrl())
                    .timeout(properties.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(event)))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.error("Alert webhook round failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
