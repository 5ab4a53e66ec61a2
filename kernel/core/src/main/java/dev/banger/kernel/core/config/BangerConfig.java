package dev.banger.kernel.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * config.toml: every key optional. {@code [daemon]} and {@code [plugins]} belong to the kernel and
 * are checked strictly; every other section belongs to the plugin of that id.
 */
public record BangerConfig(Path source, String mode, Path socket, Path helperSocket, Path pluginsDir,
                           List<String> disabledPlugins, ObjectNode tree) {
    private static final Set<String> DAEMON_KEYS = Set.of("mode", "socket", "helper_socket");
    private static final Set<String> PLUGIN_KEYS = Set.of("disabled", "dir");

    public static BangerConfig empty() {
        return new BangerConfig(null, null, null, null, null, List.of(), JsonNodeFactory.instance.objectNode());
    }

    /** Reads {@code file}; a missing file is the empty config, a malformed one an error naming the key. */
    public static BangerConfig load(Path file) throws ConfigException {
        if (file == null || !Files.exists(file)) {
            return empty();
        }
        JsonNode tree;
        try {
            tree = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid TOML: " + e.getMessage());
        }
        ObjectNode root = tree instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        JsonNode daemon = section(file, root, "daemon", DAEMON_KEYS);
        JsonNode plugins = section(file, root, "plugins", PLUGIN_KEYS);
        List<String> disabled = new ArrayList<>();
        JsonNode d = plugins.path("disabled");
        if (!d.isMissingNode()) {
            if (!d.isArray()) {
                throw new ConfigException(file + ": plugins.disabled must be a list of plugin ids");
            }
            d.forEach(n -> disabled.add(n.asText()));
        }
        String mode = text(daemon, "mode");
        if (mode != null && !mode.equals("user") && !mode.equals("system")) {
            throw new ConfigException(file + ": daemon.mode must be \"user\" or \"system\", not \"" + mode + "\"");
        }
        return new BangerConfig(file, mode, path(daemon, "socket"), path(daemon, "helper_socket"),
                path(plugins, "dir"), List.copyOf(disabled), root);
    }

    private static JsonNode section(Path file, ObjectNode root, String name, Set<String> allowed) throws ConfigException {
        JsonNode s = root.path(name);
        if (s.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!s.isObject()) {
            throw new ConfigException(file + ": [" + name + "] must be a table");
        }
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ConfigException(file + ": unknown key " + name + "." + key + " (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return s;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null ? null : v.asText();
    }

    private static Path path(JsonNode n, String key) {
        String t = text(n, key);
        return t == null ? null : Path.of(t);
    }

    /** The section a plugin reads through {@code PluginHome.config()}. */
    public JsonNode pluginSection(String pluginId) {
        JsonNode s = tree.get(pluginId);
        return s == null ? JsonNodeFactory.instance.objectNode() : s;
    }
}
