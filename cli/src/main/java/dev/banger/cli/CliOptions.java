package dev.banger.cli;

import java.nio.file.Path;

/** Global options, read before picocli parses so plugins can be loaded under the right config. */
public record CliOptions(boolean system, Path config, Path socket) {
    public static CliOptions scan(String[] args) {
        boolean system = false;
        Path config = null;
        Path socket = null;
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
            }
        }
        return new CliOptions(system, config, socket);
    }
}
