package dev.banger.kernel.core.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of a fuzz run by outcome, and the first failures with their cases, for the report and the assertion message. */
public final class FuzzTally {
    private static final int KEEP = 20;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private long failed;
    private long sent;
    private long skipped;
    private final long startNanos = System.nanoTime();

    public synchronized void answered(String outcome) {
        sent++;
        outcomes.merge(outcome, 1L, Long::sum);
    }

    public synchronized void skipped() {
        skipped++;
    }

    public synchronized void failed(FuzzCase c, List<String> problems) {
        failed++;
        if (failures.size() < KEEP) {
            failures.add(c.describe() + "\n    -> " + String.join("\n    -> ", problems));
        }
    }

    public synchronized long sent() {
        return sent;
    }

    public synchronized long failedCount() {
        return failed;
    }

    public synchronized String failures() {
        return failed + " of " + sent + " cases answered wrongly; first " + failures.size() + ":\n" + String.join("\n", failures);
    }

    public synchronized String summary(String what, long seed) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format("%s: seed %d, %d cases answered (%d skipped as valid long work) in %.1f s = %.0f cases/s; outcomes %s",
                what, seed, sent, skipped, seconds, sent / Math.max(seconds, 1e-9), outcomes);
    }
}
