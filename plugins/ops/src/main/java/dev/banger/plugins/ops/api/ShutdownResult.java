package dev.banger.plugins.ops.api;

public record ShutdownResult(String status) {
}
