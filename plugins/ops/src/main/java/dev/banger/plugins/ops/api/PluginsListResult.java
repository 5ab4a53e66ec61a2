package dev.banger.plugins.ops.api;

import dev.banger.kernel.api.PluginInfo;
import java.util.List;

public record PluginsListResult(List<PluginInfo> plugins) {
}
