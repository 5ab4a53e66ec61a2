package dev.banger.kernel.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.PluginHome;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A plugin's directories under the layout, named after its id, created on first use. */
public record PluginHomeImpl(String pluginId, Layout layout, JsonNode config) implements PluginHome {
    @Override
    public Path dataDir() {
        return ensure(layout.stateDir().resolve(pluginId));
    }

    @Override
    public Path cacheDir() {
        return ensure(layout.cacheDir().resolve(pluginId));
    }

    @Override
    public Path runtimeDir() {
        return ensure(layout.runtimeDir().resolve(pluginId));
    }

    @Override
    public <T> T config(Class<T> type) {
        try {
            return Json.mapper().treeToValue(config, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // the operator's file is wrong, not the client's request
            throw new RpcException(ErrorCode.OPERATION_FAILED, "config.toml section [" + pluginId + "] is invalid: " + e.getOriginalMessage());
        }
    }

    private static Path ensure(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
