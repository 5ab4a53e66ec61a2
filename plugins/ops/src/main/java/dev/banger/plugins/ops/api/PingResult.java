package dev.banger.plugins.ops.api;

import java.util.List;

/** daemon.ping: who answered, and which plugins it has running. */
public record PingResult(String version, long pid, long uptimeMs, List<String> plugins) {
}
