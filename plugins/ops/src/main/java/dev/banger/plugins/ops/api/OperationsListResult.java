package dev.banger.plugins.ops.api;

import dev.banger.kernel.api.OperationSummary;
import java.util.List;

public record OperationsListResult(List<OperationSummary> operations) {
}
