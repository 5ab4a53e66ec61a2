package dev.banger.cli.system;

import java.nio.file.Path;

/** One of the two processes of a system install, as background mode starts, finds and stops it. */
public enum Service {
    HELPER("bangerd-root", "dev.banger.helper.server.BangerdRoot", "priv.ping"),
    DAEMON("bangerd", "dev.banger.kernel.core.Bangerd", "daemon.ping");

    private final String binary;
    private final String mainClass;
    private final String ping;

    Service(String binary, String mainClass, String ping) {
        this.binary = binary;
        this.mainClass = mainClass;
        this.ping = ping;
    }

    public String binary() {
        return binary;
    }

    /** What its /proc/PID/cmdline must contain, so a recycled pid is never signalled. */
    String mainClass() {
        return mainClass;
    }

    String ping() {
        return ping;
    }

    public String unit() {
        return binary + ".service";
    }

    Path socket(InstallPaths paths) {
        return this == DAEMON ? paths.daemonSocket() : paths.helperSocket();
    }

    Path pidFile(InstallPaths paths) {
        return paths.pidDir().resolve(binary + ".pid");
    }

    Path log(InstallPaths paths) {
        return paths.logDir().resolve(binary + ".log");
    }
}
