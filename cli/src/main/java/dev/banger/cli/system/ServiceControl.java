package dev.banger.cli.system;

import java.io.PrintStream;

/** Start, stop and restart both services the way this install runs them: systemd, or background mode. */
public final class ServiceControl {
    private final InstallPaths paths;
    private final PrintStream out;

    public ServiceControl(InstallPaths paths, PrintStream out) {
        this.paths = paths;
        this.out = out;
    }

    public String mode() {
        return Systemd.manages(paths) ? "systemd" : "background";
    }

    /** Stops then starts both from whatever tree is live now; false when either did not come back. */
    public boolean restart(InstallRecord owner) throws Exception {
        if (Systemd.manages(paths)) {
            Systemd.run("restart", Service.HELPER.unit(), Service.DAEMON.unit());
            return SocketProbe.awaitAnswer(paths.daemonSocket(), "daemon.ping", BackgroundServices.READY_TIMEOUT_MS, () -> true);
        }
        BackgroundServices bg = new BackgroundServices(paths, out);
        return bg.stop() & bg.start(owner);
    }
}
