package dev.banger.kernel.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the daemon needs to know about where it runs, resolved the same way by bangerd and
 * the CLI (so both find the same socket). Precedence: flag, then environment, then config.toml,
 * then the layout's default.
 */
public record DaemonSettings(Layout layout, BangerConfig config, Path socket, Path pluginsDir, Path helperSocket) {
    public static final Path DEFAULT_HELPER_SOCKET = Path.of("/run/banger-root/bangerd-root.sock");

    public static DaemonSettings resolve(boolean systemFlag, Path configFlag, Path socketFlag, Path pluginsFlag,
                                         Map<String, String> env) throws ConfigException {
        Layout layout = Layout.of(systemFlag ? Layout.Mode.SYSTEM : Layout.Mode.USER, env);
        BangerConfig config = BangerConfig.load(configFlag != null ? configFlag : layout.configFile());
        if (!systemFlag && "system".equals(config.mode())) {
            layout = Layout.system(Layout.systemRoot(env));
        }
        Path socket = first(socketFlag, envPath(env, "BANGER_SOCKET"), config.socket(), layout.defaultSocket());
        Path plugins = first(pluginsFlag, envPath(env, "BANGER_PLUGINS_DIR"), config.pluginsDir(), installedPlugins());
        Path helper = first(envPath(env, "BANGER_HELPER_SOCKET"), config.helperSocket(),
                Layout.systemRoot(env).resolve(DEFAULT_HELPER_SOCKET.toString().substring(1)));
        return new DaemonSettings(layout, config, socket, plugins, helper);
    }

    /** {@code <install>/plugins}; bin/bangerd and bin/banger set banger.home to the install root. */
    public static Path installedPlugins() {
        String home = System.getProperty("banger.home");
        return home == null ? Path.of("plugins").toAbsolutePath() : Path.of(home, "plugins");
    }

    private static Path envPath(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? null : Path.of(v);
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
