package dev.banger.cli.update;

import dev.banger.cli.system.InstallPaths;
import dev.banger.cli.system.InstallRecord;
import dev.banger.cli.system.ReleaseInfo;
import dev.banger.cli.system.ServiceControl;
import dev.banger.cli.system.TreeCopy;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * `banger update`: preflight (operations, checksums, staged version, schema compatibility), then
 * swap, restart, doctor; a failing doctor rolls back to .previous and restarts again. Preflight
 * changes nothing outside the staging directory, which is always removed.
 */
final class Updater {
    private final InstallPaths paths;
    private final PrintStream out;

    Updater(InstallPaths paths, PrintStream out) {
        this.paths = paths;
        this.out = out;
    }

    /** 0 updated (or preflight passed), 1 refused or rolled back. */
    int run(UpdateOptions opts, InstallRecord record) throws Exception {
        long start = System.nanoTime();
        String from = ReleaseInfo.of(paths.tree()).version();
        TreeCopy.delete(paths.staging());
        try {
            Path staged = preflight(opts);
            String to = ReleaseInfo.of(staged).version();
            if (opts.dryRun()) {
                printPlan(from, to);
                return 0;
            }
            if (opts.checkOnly()) {
                out.println("preflight passed: ready to update " + from + " → " + to + " (nothing changed)");
                return 0;
            }
            return apply(staged, from, to, record, start);
        } catch (UpdateRefused e) {
            out.println("update refused: " + e.getMessage());
            out.println("nothing was changed");
            return 1;
        } finally {
            TreeCopy.delete(paths.staging());
        }
    }

    private Path preflight(UpdateOptions opts) throws Exception {
        List<String> busy = OperationsGate.inFlight(paths.daemonSocket());
        if (busy == null) {
            out.println("preflight: bangerd is not running, no operation can be in flight");
        } else if (!busy.isEmpty() && !opts.force()) {
            throw new UpdateRefused(busy.size() + " operation(s) still running; the restart would cancel them: " + String.join("; ", busy)
                    + ". Wait for them (`banger ops wait ID`), cancel them, or pass --force");
        } else {
            out.println("preflight: " + (busy.isEmpty() ? "no operation in flight" : busy.size() + " operation(s) in flight, going ahead (--force)"));
        }
        Path staged = ReleaseArchive.unpack(opts.release(), paths.staging());
        out.println("preflight: " + Checksums.verify(staged) + " files match " + Checksums.FILE);
        out.println("preflight: the new tree runs (" + StagedVersion.check(staged) + ")");
        for (String line : SchemaCompatibility.check(staged.resolve("plugins"), paths.stateDir())) {
            out.println("preflight: " + line);
        }
        // the staged tree moves out of the staging directory, so `finally` cannot lose it mid-swap
        Path ready = paths.root().resolve("opt/.banger.next");
        TreeCopy.delete(ready);
        Files.move(staged, ready);
        return ready;
    }

    private void printPlan(String from, String to) {
        ServiceControl services = new ServiceControl(paths, out);
        out.println("plan (dry run, nothing changed):");
        out.println("  1. move " + paths.tree() + " (" + from + ") to " + paths.previousTree());
        out.println("  2. move the verified release (" + to + ") to " + paths.tree());
        out.println("  3. restart bangerd-root and bangerd (" + services.mode() + "); running VMs keep running");
        out.println("  4. run `banger --system doctor`; on any FAIL move " + paths.previousTree() + " back and restart again");
        out.println("  5. record version " + to + " in " + paths.installToml());
    }

    private int apply(Path staged, String from, String to, InstallRecord record, long start) throws Exception {
        TreeSwap swap = new TreeSwap(paths);
        ServiceControl services = new ServiceControl(paths, out);
        try {
            swap.swapIn(staged);
        } finally {
            TreeCopy.delete(staged);
        }
        out.println("swapped in " + to + "; " + from + " kept at " + paths.previousTree());
        if (!services.restart(record)) {
            out.println("the services did not all come back on " + to);
        }
        List<String> fails = PostUpdateDoctor.failures(paths);
        if (fails.isEmpty()) {
            record.updatedTo(to, Instant.now()).write(paths.installToml());
            out.printf("updated %s → %s in %.1f s (doctor passed; previous tree at %s)%n", from, to,
                    (System.nanoTime() - start) / 1e9, paths.previousTree());
            return 0;
        }
        out.println("doctor failed after the update:");
        fails.forEach(f -> out.println("  FAIL " + f));
        swap.rollBack();
        boolean back = services.restart(record);
        List<String> after = PostUpdateDoctor.failures(paths);
        out.println("rolled back to " + from + (back && after.isEmpty() ? "; services running and doctor passes again"
                : "; doctor after rollback: " + (after.isEmpty() ? "passes" : String.join("; ", after))));
        return 1;
    }
}
