package dev.banger.plugins.image.api;

import java.util.List;

public record ImageListResult(List<ImageSummary> images) {
}
