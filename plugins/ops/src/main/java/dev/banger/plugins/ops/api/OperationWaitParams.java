package dev.banger.plugins.ops.api;

import dev.banger.kernel.api.Params;

/** Waits up to {@code timeout_ms} (default 30 000, at most 600 000) for the operation to finish. */
public record OperationWaitParams(String id, Long timeoutMs) {
    public static final long DEFAULT_TIMEOUT_MS = 30_000;
    public static final long MAX_TIMEOUT_MS = 600_000;

    public OperationWaitParams {
        Params.required(id, "params.id");
        if (timeoutMs != null) {
            Params.positive(timeoutMs, "params.timeout_ms");
            Params.atMost(timeoutMs, MAX_TIMEOUT_MS, "params.timeout_ms");
        }
    }

    public long effectiveTimeoutMs() {
        return timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
    }
}
