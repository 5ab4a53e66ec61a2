package dev.banger.kernel.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where banger keeps things. User mode follows XDG; system mode uses /etc, /var/lib, /var/cache and
 * /run. Computed the same way by the daemon and the CLI so they agree on the socket.
 */
public record Layout(Mode mode, Path configDir, Path stateDir, Path cacheDir, Path runtimeDir) {
    public enum Mode { USER, SYSTEM }

    public static Layout of(Mode mode, Map<String, String> env) {
        return mode == Mode.SYSTEM ? system() : user(env);
    }

    public static Layout system() {
        return new Layout(Mode.SYSTEM, Path.of("/etc/banger"), Path.of("/var/lib/banger"),
                Path.of("/var/cache/banger"), Path.of("/run/banger"));
    }

    public static Layout user(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path runtime = env.containsKey("XDG_RUNTIME_DIR") && !env.get("XDG_RUNTIME_DIR").isBlank()
                ? Path.of(env.get("XDG_RUNTIME_DIR"), "banger")
                : Path.of("/tmp", "banger-runtime-" + currentUid());
        return new Layout(Mode.USER,
                xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("banger"),
                xdg(env, "XDG_STATE_HOME", home.resolve(".local/state")).resolve("banger"),
                xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve("banger"),
                runtime);
    }

    private static Path xdg(Map<String, String> env, String key, Path fallback) {
        String v = env.get(key);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }

    public Path configFile() {
        return configDir.resolve("config.toml");
    }

    public Path defaultSocket() {
        return runtimeDir.resolve("bangerd.sock");
    }

    public Path daemonLog() {
        return stateDir.resolve("bangerd.log");
    }

    public static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot read the current uid from /proc/self: " + e.getMessage(), e);
        }
    }
}
