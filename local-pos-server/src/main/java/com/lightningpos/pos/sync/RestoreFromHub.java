package com.lightningpos.pos.sync;

import com.lightningpos.db.SchemaKind;
import com.lightningpos.etl.sync.client.HubApi;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The restore command: {@code java -jar local-pos-server.jar --pos.restore-from-hub=true} on a
 * machine with the shop's {@code credentials.json} downloads the shop's replica from the hub and
 * starts from it. Runs before the database is opened (registered in {@code META-INF/spring.factories}),
 * and stops the start with a clear message when it cannot restore.
 */
public class RestoreFromHub implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(RestoreFromHub.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.getProperty("pos.restore-from-hub", Boolean.class, false)) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("pos.data-dir", "./data/pos"));
        StoredCredentials credentials = new CredentialsStore(dataDir).read().orElseThrow(() -> new IllegalStateException(
                "Restore needs the shop's " + CredentialsStore.FILE_NAME + " in " + dataDir.toAbsolutePath()
                        + " (copy it from the old machine or its backup, or enrol with a new code from head office)."));
        String hubUrl = env.getProperty("pos.hub-url", credentials.hubUrl());
        var hub = HubUrls.check(hubUrl, env.getProperty("pos.allow-insecure-hub", Boolean.class, false));
        SnapshotInstaller installer = new SnapshotInstaller(dataDir);
        // Checked before the download, so that the refusal is the answer even when the hub is down.
        installer.refuseIfUnsyncedChanges();
        if (installer.alreadyHolds(credentials.shopId())) {
            log.warn("Not restoring: {} already holds shop {} with nothing waiting to sync. Remove pos.restore-from-hub from"
                    + " the settings (to restore anyway, move shop.db away first).", dataDir.resolve("shop.db").toAbsolutePath(),
                    credentials.shopId());
            return;
        }
        log.info("Restoring shop {} from the hub at {}", credentials.shopId(), hub);
        try {
            byte[] snapshot = new HubApi(new HttpSyncTransport(hub), credentials.credentials(), SchemaKind.SHOP.latestVersion(),
                    Clock.systemUTC()).snapshot();
            installer.install(snapshot, credentials, hub.toString(), Clock.systemUTC().instant());
        } catch (Exception e) {
            throw new IllegalStateException("Restore from the hub failed: " + e.getMessage(), e);
        }
    }
}
