package com.lightningpos.pos.config;

import com.lightningpos.db.SchemaKind;
import com.lightningpos.db.SchemaMigrator;
import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.clock.UuidV7;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shop's one SQLite file, migrated to this release's schema before anything else touches it.
 * A file written by a newer release stops the start with a message that says so.
 */
@Configuration(proxyBeanMethods = false)
public class ShopDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(PosProperties properties) {
        var sqlite = SqliteDatabases.dataSource(properties.databaseFile());
        SchemaMigrator.migrate(SchemaKind.SHOP, sqlite);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        hikari.setPoolName("shop-db");
        // SQLite has one writer; a few connections let readers run beside it (WAL).
        hikari.setMaximumPoolSize(4);
        hikari.setAutoCommit(true);
        return new HikariDataSource(hikari);
    }

    /** Sale, refund, catalog and cash transactions queue for the write lock in order (see the class). */
    @Bean
    DefaultConfigurationCustomizer serializedWriteTransactions() {
        return configuration -> {
            if (configuration.transactionProvider() != null) {
                configuration.set(new SerializedWriteTransactions(configuration.transactionProvider()));
            }
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    UuidV7 uuidV7(Clock clock) {
        return new UuidV7(clock, new SecureRandom());
    }
}
