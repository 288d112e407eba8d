package com.lightningpos.hub.backup;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The restore command: {@code java -jar admin-console.jar --hub.restore-backup=<backup directory>|latest}
 * restores the embedded database and the replicas from a hub backup before anything opens them
 * (registered in {@code META-INF/spring.factories}), then the hub starts as usual. Runs after the
 * configuration files are read, so {@code hub.data-dir} from any of them counts. With
 * {@code --hub.restore-keep-replicas=true} only the database is restored and the replica files on disk
 * are kept (when only the database was lost).
 */
public class HubRestoreCommand implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        String which = env.getProperty("hub.restore-backup");
        if (which == null || which.isBlank()) {
            return;
        }
        String url = env.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            throw new IllegalStateException("hub.restore-backup restores the embedded database; this hub uses " + url
                    + ". Restore an external PostgreSQL by point-in-time recovery and copy the replicas back"
                    + " from the backup's replicas/ directory (docs/operations.md).");
        }
        Path dataDir = Path.of(env.getProperty("hub.data-dir", "./data/hub"));
        int port = env.getProperty("hub.embedded-db-port", Integer.class, 0);
        new HubRestorer(dataDir, Clock.systemUTC()).restore(which, port,
                env.getProperty("hub.restore-keep-replicas", Boolean.class, false));
    }
}
