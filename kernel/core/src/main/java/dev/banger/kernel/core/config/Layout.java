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
        return mode == Mode.SYSTEM ? system(systemRoot(env)) : user(env);
    }

    public static Layout system() {
        return system(Path.of("/"));
    }

    /** The system paths under {@code root}: "/" on a real host, a temp directory in tests (BANGER_ROOT). */
    public static Layout system(Path root) {
        return new Layout(Mode.SYSTEM, root.resolve("etc/banger"), root.resolve("var/lib/banger"),
                root.resolve("var/cache/banger"), root.resolve("run/banger"));
    }

    /**
     * BANGER_ROOT prefixes every system path (config, state, cache, runtime, helper socket), so a
     * whole system install can live in a directory: tests install and run it without touching /etc.
     */
    public static Path systemRoot(Map<String, String> env) {
        String v = env.get("BANGER_ROOT");
        return v == null || v.isBlank() ? Path.of("/") : Path.of(v).toAbsolutePath();
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
