package dev.banger.plugins.vm.api;

public record LogsResult(String name, String path, long bytes) {
}
