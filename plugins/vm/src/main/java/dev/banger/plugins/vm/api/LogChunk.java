package dev.banger.plugins.vm.api;

public record LogChunk(String data) {
}
