package com.lightningpos.hub.etl;

import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.etl.pipeline.EtlJobRunner;
import com.lightningpos.etl.pipeline.EtlScheduler;
import com.lightningpos.etl.pipeline.Extractor;
import com.lightningpos.etl.pipeline.Loader;
import com.lightningpos.etl.pipeline.Propagator;
import com.lightningpos.etl.pipeline.ReplicaOpener;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires etl-core's plain-Java ETL stages into the hub and runs the scheduler. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.etl.enabled", havingValue = "true", matchIfMissing = true)
public class EtlConfiguration {

    @Bean
    ReplicaOpener replicaOpener(ObjectProvider<ReplicaStore> replicas) {
        // Resolved per call: the replica store belongs to the sync feature, which owns its lifecycle.
        return shopId -> replicas.getObject().dataSource(shopId);
    }

    @Bean
    EtlJobRunner etlJobRunner(DSLContext db, ReplicaOpener replicas, HubCatalog catalog, Clock clock,
                              EtlProperties properties) {
        String worker = ManagementFactory.getRuntimeMXBean().getName(); // pid@host: which instance ran a job
        return new EtlJobRunner(db, new Extractor(replicas), new Loader(catalog),
                new Propagator(replicas, clock, properties.batchSize()), clock, properties.batchSize(), worker);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    EtlScheduler etlScheduler(DSLContext db, EtlJobRunner runner, Clock clock, EtlProperties properties,
                              EtlMetrics metrics) {
        return new EtlScheduler(db, runner, clock, properties.sweepInterval(), properties.wakePoll(),
                properties.workers(), metrics::record);
    }
}
