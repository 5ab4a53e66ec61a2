package dev.banger.kernel.api;

import dev.banger.kernel.api.wire.RpcError;
import java.time.Instant;

/**
 * One async operation. {@code subject} names what it works on (the image, kernel or VM), so a client
 * that did not choose the name (a generated one) can find the result without guessing.
 */
public record OperationSummary(String id, String kind, String subject, String stage, double progress, boolean done,
                               RpcError error, Instant startedAt, Instant updatedAt) {
}
