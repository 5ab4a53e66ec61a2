package dev.banger.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What /proc says, for checks that a VMM is really gone. A VMM that outlived a killed daemon was
 * re-parented to init; until init reaps it, it is a zombie that ProcessHandle still calls alive, but
 * it has no command line and runs nothing.
 */
final class ProcessTable {
    private ProcessTable() {
    }

    /** True while {@code pid} runs (not a zombie) with {@code cmdlinePart} in its command line. */
    static boolean runs(long pid, String cmdlinePart) {
        try {
            String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
            return !cmdline.isBlank() && cmdline.contains(cmdlinePart);
        } catch (IOException gone) {
            return false;
        }
    }

    /** True if any process (not a zombie) has {@code cmdlinePart} in its command line. */
    static boolean anyRuns(String cmdlinePart) {
        return ProcessHandle.allProcesses().anyMatch(p -> runs(p.pid(), cmdlinePart));
    }

    /** Waits up to {@code millis} for no process to run with {@code cmdlinePart}; returns whether none does. */
    static boolean noneWithin(String cmdlinePart, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (anyRuns(cmdlinePart)) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
