package dev.banger.cli.doctor;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints the results: aligned lines for people, one JSON object for scripts. */
final class DoctorReport {
    private final List<CheckResult> results;
    private final long durationMs;

    DoctorReport(List<CheckResult> results, long durationMs) {
        this.results = results;
        this.durationMs = durationMs;
    }

    boolean failed() {
        return count(Status.FAIL) > 0;
    }

    void printText(PrintStream out) {
        int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(0);
        for (CheckResult r : results) {
            out.printf("%-4s  %-" + width + "s  %s%n", r.status(), r.name(), r.summary());
            r.details().forEach(d -> out.println("      " + d));
            if (r.hint() != null) {
                out.println("      fix: " + r.hint());
            }
        }
        out.printf("%d passed, %d warnings, %d failed (%d ms)%n", count(Status.PASS), count(Status.WARN), count(Status.FAIL), durationMs);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", !failed());
        m.put("pass", count(Status.PASS));
        m.put("warn", count(Status.WARN));
        m.put("fail", count(Status.FAIL));
        m.put("duration_ms", durationMs);
        m.put("checks", results);
        return m;
    }

    private long count(Status s) {
        return results.stream().filter(r -> r.status() == s).count();
    }
}
