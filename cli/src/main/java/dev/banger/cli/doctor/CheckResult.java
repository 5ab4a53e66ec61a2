package dev.banger.cli.doctor;

import java.util.List;

/**
 * One check's outcome: a short summary for the headline, indented details, and (unless it passed)
 * what to do about it.
 */
public record CheckResult(Status status, String name, String summary, List<String> details, String hint) {
    public CheckResult {
        details = List.copyOf(details);
    }

    public static CheckResult pass(String name, String summary, String... details) {
        return new CheckResult(Status.PASS, name, summary, List.of(details), null);
    }

    public static CheckResult warn(String name, String summary, String hint, String... details) {
        return new CheckResult(Status.WARN, name, summary, List.of(details), hint);
    }

    public static CheckResult fail(String name, String summary, String hint, String... details) {
        return new CheckResult(Status.FAIL, name, summary, List.of(details), hint);
    }
}
