package dev.banger.cli;

import java.nio.file.Path;

/** Global options, read before picocli parses so plugins can be loaded under the right config. */
public record CliOptions(boolean system, Path config, Path socket, String command) {
    /** Commands the CLI itself provides: they work without loading a single plugin jar, which halves their start time. */
    private static final java.util.Set<String> BUILT_IN = java.util.Set.of("version", "daemon", "doctor", "system", "update");

    /** Plugins are loaded only when a plugin's command (or the full help listing) may be needed. */
    public boolean needsPlugins() {
        return command == null || !BUILT_IN.contains(command);
    }

    public static CliOptions scan(String[] args) {
        boolean system = false;
        Path config = null;
        Path socket = null;
        String command = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            } else if (a.equals("--system")) {
                system = true;
            } else if (a.equals("--config") && i + 1 < args.length) {
                config = Path.of(args[++i]);
            } else if (a.startsWith("--config=")) {
                config = Path.of(a.substring("--config=".length()));
            } else if (a.equals("--socket") && i + 1 < args.length) {
                socket = Path.of(args[++i]);
            } else if (a.startsWith("--socket=")) {
                socket = Path.of(a.substring("--socket=".length()));
            } else if (command == null && !a.startsWith("-")) {
                command = a;
            }
        }
        return new CliOptions(system, config, socket, command);
    }
}
