package dev.banger.kernel.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** A plugin's own directories and config section ({@code [<plugin-id>]} in config.toml). */
public interface PluginHome {
    String pluginId();

    /** {@code <state>/<plugin-id>}, created on first use. */
    Path dataDir();

    Path cacheDir();

    Path runtimeDir();

    /** The plugin's config section, or an empty object. */
    JsonNode config();

    /** The config section bound to a record (unknown keys are errors that name the key). */
    <T> T config(Class<T> type);
}
