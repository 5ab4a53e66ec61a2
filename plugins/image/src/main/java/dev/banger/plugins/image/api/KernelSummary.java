package dev.banger.plugins.image.api;

import java.time.Instant;

public record KernelSummary(String name, String version, String source, Instant createdAt) {
}
