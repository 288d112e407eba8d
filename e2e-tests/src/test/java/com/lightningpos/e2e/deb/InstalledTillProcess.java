package com.lightningpos.e2e.deb;

import com.lightningpos.e2e.support.AppProcess;
import com.lightningpos.e2e.support.E2e;
import java.nio.file.Path;
import java.util.List;

/**
 * The till started by the package's own launcher ({@code bin/lightning-pos-till} of an installed
 * package) on its bundled runtime, with the arguments the systemd unit gives it plus a free port.
 */
final class InstalledTillProcess extends AppProcess {

    private final Path launcher;

    InstalledTillProcess(String testName, Path launcher, Path dataDir) {
        super("installed-till", launcher, dataDir, E2e.artifacts(testName).resolve("installed-till.log"), E2e.freePort(), List.of());
        this.launcher = launcher;
    }

    @Override
    protected List<String> launcher() {
        return List.of(launcher.toString());
    }

    @Override
    protected List<String> appArgs() {
        return List.of("--server.port=" + port(), "--server.address=127.0.0.1", "--pos.data-dir=" + dataDir());
    }
}
