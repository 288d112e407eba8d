package com.lightningpos.hub.alerts;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Evaluates the alert rules every {@code hub.alerts.interval} on its own thread and hands new events to the webhook. */
@Component
class AlertScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertScheduler.class);

    private final AlertEvaluator evaluator;
    private final AlertWebhook webhook;
    private final AlertProperties properties;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-rules");
        t.setDaemon(true);
        return t;
    });

    AlertScheduler(AlertEvaluator evaluator, AlertWebhook webhook, AlertProperties properties) {
        this.evaluator = evaluator;
        this.webhook = webhook;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (!properties.enabled()) {
            log.info("Alert rules are not evaluated (hub.alerts.enabled=false)");
            return;
        }
        webhook.start();
        long period = properties.interval().toMillis();
        background.scheduleWithFixedDelay(this::evaluateQuietly, period, period, TimeUnit.MILLISECONDS);
        log.info("Alert rules evaluated every {}{}", properties.interval(),
                properties.webhookEnabled() ? ", webhook on" : ", no webhook (hub.alerts.webhook-url unset)");
    }

    private void evaluateQuietly() {
        try {
            evaluator.evaluate();
            webhook.deliverSoon();
        } catch (RuntimeException e) {
            log.error("Alert evaluation failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
