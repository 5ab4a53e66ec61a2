package dev.banger.plugins.image.api;

import java.time.Instant;

public record ImageSummary(String name, String source, long sizeBytes, Instant createdAt) {
}
