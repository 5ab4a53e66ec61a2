package dev.banger.kernel.api;

import java.util.List;

public record PluginInfo(String id, String version, String state, String jar, List<String> methods) {
}
