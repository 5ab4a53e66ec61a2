package dev.banger.plugins.image.api;

public record CachePruneParams(Boolean dryRun) {
}
