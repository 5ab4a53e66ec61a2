package dev.banger.kernel.api;

import dev.banger.kernel.api.wire.RpcError;
import java.time.Instant;

public record OperationSummary(String id, String kind, String stage, double progress, boolean done,
                               RpcError error, Instant startedAt, Instant updatedAt) {
}
