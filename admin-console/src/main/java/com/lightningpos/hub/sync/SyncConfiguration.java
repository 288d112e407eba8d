package com.lightningpos.hub.sync;

import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.sync.replica.BatchValidator;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.hub.config.HubProperties;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The sync feature's plain-Java parts, wired: the replica store, tokens, rate limits, gzip bodies. */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

    /** One store for the whole hub; the ETL opens replicas through it too (shared pools). */
    @Bean(destroyMethod = "close")
    ReplicaStore replicaStore(HubProperties hub, SyncProperties sync, Clock clock) {
        return new ReplicaStore(hub.replicaDir(), clock,
                new BatchValidator(clock, sync.maxClockDrift(), sync.maxBatchRows()), new RowApplier());
    }

    @Bean
    TokenService tokenService(@Value("${hub.jwt-secret:}") String jwtSecret, HubProperties hub, SyncProperties sync, Clock clock) {
        return new TokenService(SigningKeyFile.load(jwtSecret, hub.dataDir()), clock, sync.tokenTtl());
    }

    @Bean
    ShopRateLimiter shopRateLimiter(SyncProperties sync, Clock clock) {
        return new ShopRateLimiter(sync.rateLimit(), clock);
    }

    /** Before Spring Security (order -100), so every later filter and the controller see plain bodies. */
    @Bean
    FilterRegistrationBean<GzipRequestFilter> gzipRequestBodies() {
        FilterRegistrationBean<GzipRequestFilter> registration = new FilterRegistrationBean<>(new GzipRequestFilter());
        registration.addUrlPatterns(com.lightningpos.etl.sync.SyncProtocol.BASE + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }
}
