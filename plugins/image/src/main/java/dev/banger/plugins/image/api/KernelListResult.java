package dev.banger.plugins.image.api;

import java.util.List;

public record KernelListResult(List<KernelSummary> kernels) {
}
