package com.lightningpos.hub.config;

import com.lightningpos.db.EmbeddedHubDatabase;
import com.lightningpos.db.SchemaKind;
import com.lightningpos.db.SchemaMigrator;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The hub's PostgreSQL: the one at {@code spring.datasource.url} when set, otherwise an embedded
 * server whose files live in the data directory (so a restart keeps the data). Either way the hub
 * schema is migrated before the pool is handed out.
 */
@Configuration(proxyBeanMethods = false)
public class HubDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HubDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DataSourceProperties properties, HubProperties hub,
                                ObjectProvider<EmbeddedHubDatabase> embedded) {
        HikariDataSource ds;
        if (properties.getUrl() == null || properties.getUrl().isBlank()) {
            EmbeddedHubDatabase db = embedded.getObject();
            log.info("No spring.datasource.url set: using the embedded PostgreSQL on port {} (files in {})",
                    db.port(), hub.dataDir().resolve("postgres").toAbsolutePath());
            ds = new HikariDataSource();
            ds.setJdbcUrl(db.jdbcUrl());
            ds.setUsername(db.username());
        } else {
            ds = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        }
        ds.setPoolName("hub-db");
        ds.setMaximumPoolSize(16);
        SchemaMigrator.migrate(SchemaKind.HUB, ds);
        return ds;
    }

    @Bean(destroyMethod = "close")
    @Lazy // started only when no external database is configured
    EmbeddedHubDatabase embeddedHubDatabase(HubProperties hub) {
        return EmbeddedHubDatabase.start(hub.dataDir().resolve("postgres"), hub.embeddedDbPort());
    }
}
