package dev.banger.kernel.core.plugins;

/** An extension instance and the plugin it came from. */
public record Contribution<T>(String pluginId, T extension) {
}
