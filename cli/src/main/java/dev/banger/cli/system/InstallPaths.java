package dev.banger.cli.system;

import java.nio.file.Path;
import java.util.Map;

/**
 * Every path a system install touches, under one root: "/" on a real host, a temp directory in
 * tests (`--root DIR` or BANGER_ROOT). The daemon resolves the same root from BANGER_ROOT
 * (Layout.systemRoot), so an install under a root is self-contained.
 */
public record InstallPaths(Path root) {
    public static InstallPaths of(Path rootFlag, Map<String, String> env) {
        if (rootFlag != null) {
            return new InstallPaths(rootFlag.toAbsolutePath().normalize());
        }
        return new InstallPaths(dev.banger.kernel.core.config.Layout.systemRoot(env));
    }

    public boolean realRoot() {
        return root.equals(Path.of("/"));
    }

    public Path tree() {
        return root.resolve("opt/banger");
    }

    /** The tree an update replaced, kept for rollback. */
    public Path previousTree() {
        return root.resolve("opt/banger.previous");
    }

    /** Where install and update unpack the next tree: beside the live one, so the swap is a rename. */
    public Path staging() {
        return root.resolve("opt/.banger.staging");
    }

    public Path binDir() {
        return root.resolve("usr/local/bin");
    }

    public Path etcDir() {
        return root.resolve("etc/banger");
    }

    public Path installToml() {
        return etcDir().resolve("install.toml");
    }

    public Path helperToml() {
        return etcDir().resolve("helper.toml");
    }

    public Path unitDir() {
        return root.resolve("etc/systemd/system");
    }

    public Path stateDir() {
        return root.resolve("var/lib/banger");
    }

    public Path cacheDir() {
        return root.resolve("var/cache/banger");
    }

    public Path logDir() {
        return root.resolve("var/log/banger");
    }

    public Path daemonRuntime() {
        return root.resolve("run/banger");
    }

    public Path daemonSocket() {
        return daemonRuntime().resolve("bangerd.sock");
    }

    public Path helperRuntime() {
        return root.resolve("run/banger-root");
    }

    public Path helperSocket() {
        return helperRuntime().resolve("bangerd-root.sock");
    }

    /** Pid files of the background mode (`banger system start` where systemd is not PID 1). */
    public Path pidDir() {
        return root.resolve("run/banger-system");
    }

    /** The environment a process of this install needs to find its paths (empty on a real root). */
    public Map<String, String> processEnv() {
        return realRoot() ? Map.of() : Map.of("BANGER_ROOT", root.toString());
    }
}
