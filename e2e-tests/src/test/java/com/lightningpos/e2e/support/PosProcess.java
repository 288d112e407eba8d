package com.lightningpos.e2e.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The till server ({@code local-pos-server.jar}) as a real process:
 * {@code java -jar local-pos-server.jar --server.port=<free> --pos.data-dir=<dir> --pos.demo-data=true <extra>}.
 */
public final class PosProcess extends AppProcess {

    private PosProcess(String name, Path dataDir, Path logFile, int port, List<String> extraArgs) {
        super(name, E2e.posJar(), dataDir, logFile, port, extraArgs);
    }

    /**
     * A till (standalone with the demo catalog unless the extra arguments name a hub), data and log under
     * {@code artifacts.dir/<testName>}; not started yet. Extra arguments are Spring properties such as
     * {@code --pos.hub-url=...}.
     */
    public static PosProcess create(String testName, String... extraArgs) {
        return named(testName, "pos", extraArgs);
    }

    /**
     * Like {@link #create} with its own {@code name}: the log is {@code <name>.log} and the data dir
     * {@code <name>-data-*}, so several tills of one test keep apart.
     */
    public static PosProcess named(String testName, String name, String... extraArgs) {
        Path dir = E2e.artifacts(testName);
        return new PosProcess(name, E2e.freshDir(testName, name + "-data-"), dir.resolve(name + ".log"), E2e.freePort(),
                List.of(extraArgs));
    }

    /** Like {@link #standalone} and started; fails if not healthy within 60 s. */
    public static PosProcess start(String testName, String... extraArgs) {
        PosProcess pos = create(testName, extraArgs);
        pos.start();
        return pos;
    }

    @Override
    protected List<String> appArgs() {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port());
        args.add("--server.address=127.0.0.1");
        args.add("--pos.data-dir=" + dataDir());
        args.add("--pos.demo-data=true");
        return args;
    }
}
