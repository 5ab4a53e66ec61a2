package dev.banger.kernel.api;

import dev.banger.kernel.api.wire.RpcException;

/** Checks for record compact constructors, so a bad field fails decoding with its name in the message. */
public final class Params {
    private Params() {
    }

    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RpcException.badRequest(field + ": required");
        }
        return value;
    }

    public static long positive(long value, String field) {
        if (value <= 0) {
            throw RpcException.badRequest(field + ": must be greater than 0, got " + value);
        }
        return value;
    }

    public static long atMost(long value, long max, String field) {
        if (value > max) {
            throw RpcException.badRequest(field + ": must be at most " + max + ", got " + value);
        }
        return value;
    }
}
