package dev.banger.kernel.api.wire;

/** The {@code error} object of a response: one stable code and a human message. */
public record RpcError(ErrorCode code, String message) {
}
