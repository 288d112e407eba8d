package com.lightningpos.hub.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the hub ({@code hub.*}); each is also an environment variable ({@code HUB_DATA_DIR}).
 *
 * @param dataDir          replicas, signing key and the embedded database's files
 * @param embeddedDbPort   port of the embedded PostgreSQL (0 = any free port)
 * @param admin            the first HEAD_OFFICE account, created only when no user exists
 * @param demoData         seed a small demo catalog on first start
 */
@ConfigurationProperties("hub")
public record HubProperties(
        @DefaultValue("./data/hub") Path dataDir,
        @DefaultValue("0") int embeddedDbPort,
        @DefaultValue Admin admin,
        @DefaultValue("false") boolean demoData,
        @DefaultValue("30s") Duration etlSweepInterval) {

    /** The first console user: {@code password} unset means generate one and print it once. */
    public record Admin(@DefaultValue("admin") String username, String password) {
    }

    public Path replicaDir() {
        return dataDir.resolve("replicas");
    }
}
