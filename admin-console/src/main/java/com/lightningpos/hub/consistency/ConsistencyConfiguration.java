package com.lightningpos.hub.consistency;

import com.lightningpos.etl.sync.replica.ReplicaStore;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java check as a bean (the command builds its own without the web application). */
@Configuration(proxyBeanMethods = false)
class ConsistencyConfiguration {

    @Bean
    ConsistencyCheck consistencyCheck(DSLContext hub, ReplicaStore replicas, Clock clock) {
        return new ConsistencyCheck(hub, replicas, clock);
    }
}
