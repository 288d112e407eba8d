package com.lightningpos.hub.etl;

import com.lightningpos.etl.pipeline.EtlScheduler;
import com.lightningpos.hub.sync.ShopChangesPushed;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A push to this hub process starts the shop's ETL job at once. Pushes to other hub processes reach
 * this one through {@code etl_jobs.wake_requested_at}, which the scheduler polls.
 */
@Component
@ConditionalOnBean(EtlScheduler.class)
class EtlWakeOnPush {

    private final EtlScheduler scheduler;

    EtlWakeOnPush(EtlScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @EventListener
    void onPush(ShopChangesPushed event) {
        scheduler.wake(event.shopId());
    }
}
