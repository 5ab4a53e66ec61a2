package dev.banger.kernel.core.fuzz;

import dev.banger.kernel.api.wire.ErrorCode;

/**
 * What a case should get. {@code valid}: the envelope and the method's params decode, so the
 * handler runs and may succeed or refuse on its own terms. Otherwise {@code refusal} is the one
 * protocol error code the daemon must answer with.
 */
public record Expectation(String method, boolean valid, ErrorCode refusal) {
    static Expectation valid(String method) {
        return new Expectation(method, true, null);
    }

    static Expectation refused(String method, ErrorCode code) {
        return new Expectation(method, false, code);
    }
}
