package dev.banger.plugins.ops.api;

public record OperationsListParams(Boolean activeOnly) {
}
