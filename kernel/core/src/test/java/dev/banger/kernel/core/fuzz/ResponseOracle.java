package dev.banger.kernel.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges the frames a case got: exactly one final frame, events only before it and only from a
 * streaming method that ran, an op id on every frame, the expected protocol error for garbage, and
 * never an internal error (operation_failed, a Java exception's name or a stack trace in a message).
 */
public final class ResponseOracle {
    /** What a handler may answer to params that decoded but name nothing that exists, or values it refuses itself. */
    public static final Set<String> HANDLER_REFUSALS = Set.of("not_found", "bad_request", "conflict", "already_exists", "not_running");
    private static final Pattern OP_ID = Pattern.compile("op-[0-9a-f]{8,64}");
    private static final Pattern INTERNAL = Pattern.compile("\\bat [a-z]+\\.[\\w.$]+\\(|Exception\\b|java\\.(lang|io|nio|util)\\.|dev\\.banger\\.|reference chain");
    private final Set<String> streaming;

    public ResponseOracle(Set<String> streamingMethods) {
        this.streaming = streamingMethods;
    }

    /** Empty when the answer is right; otherwise what is wrong, one line each. */
    public List<String> problems(Expectation expected, List<JsonNode> frames) {
        List<String> problems = new ArrayList<>();
        if (frames.isEmpty()) {
            problems.add("no answer");
            return problems;
        }
        JsonNode last = frames.get(frames.size() - 1);
        String opId = last.path("op_id").asText();
        if (!OP_ID.matcher(opId).matches()) {
            problems.add("final frame without a valid op_id: " + last);
        }
        for (JsonNode f : frames.subList(0, frames.size() - 1)) {
            if (!f.has("event") || !expected.valid() || !streaming.contains(expected.method())) {
                problems.add("unexpected frame before the final one: " + f);
            }
            if (!f.path("op_id").asText().equals(opId)) {
                problems.add("frames carry different op ids: " + f);
            }
        }
        boolean result = last.has("result");
        boolean error = last.has("error");
        if (result == error) {
            problems.add("the final frame must have exactly one of result and error: " + last);
            return problems;
        }
        if (error) {
            String code = last.at("/error/code").asText();
            String message = last.at("/error/message").asText();
            if (message.isBlank()) {
                problems.add("error without a message: " + last);
            }
            if (INTERNAL.matcher(message).find()) {
                problems.add("internal detail in the message: " + message);
            }
            if (expected.valid()) {
                if (!HANDLER_REFUSALS.contains(code)) {
                    problems.add("valid params got " + code + ": " + message);
                }
            } else if (!code.equals(expected.refusal().wire())) {
                problems.add("expected " + expected.refusal().wire() + " but got " + code + ": " + message);
            }
        } else if (!expected.valid()) {
            problems.add("garbage was answered with a result (expected " + expected.refusal().wire() + "): " + last);
        }
        return problems;
    }
}
