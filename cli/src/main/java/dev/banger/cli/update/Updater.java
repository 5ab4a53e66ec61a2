package dev.banger.cli.update;

import dev.banger.cli.system.InstallPaths;
import dev.banger.cli.system.InstallRecord;
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
        String from = record.version(); // what install.toml says is live, whichever CLI runs this
        TreeCopy.delete(paths.staging());
        TreeCopy.delete(next());
        try {
            Staged staged = preflight(opts);
            String to = staged.version();
            if (opts.dryRun()) {
                UpdatePlan.print(paths, new ServiceControl(paths, out).mode(), from, to, out);
                return 0;
            }
            if (opts.checkOnly()) {
                out.println("preflight passed: ready to update " + from + " → " + to + " (nothing changed)");
                return 0;
            }
            return apply(staged.tree(), from, to, record, start);
        } catch (UpdateRefused e) {
            out.println("update refused: " + e.getMessage());
            out.println("nothing was changed");
            return 1;
        } finally {
            // --check, --dry-run and a refusal leave nothing behind; after a swap both are gone already
            TreeCopy.delete(paths.staging());
            TreeCopy.delete(next());
        }
    }

    /** The verified tree, moved out of staging, waiting for the swap. */
    private Path next() {
        return paths.root().resolve("opt/.banger.next");
    }

    /** The verified tree beside the live one, and the version its own `banger version` reports. */
    private record Staged(Path tree, String version) {
    }

    private Staged preflight(UpdateOptions opts) throws Exception {
        List<String> busy = OperationsGate.inFlight(paths.daemonSocket());
        if (busy == null) {
            out.println("preflight: bangerd is not running, no operation can be in flight");
        } else if (!busy.isEmpty() && !opts.force()) {
            throw new UpdateRefused(busy.size() + " operation(s) still running; the restart would cancel them: " + String.join("; ", busy)
                    + ". Wait for them (`banger ops wait ID`), cancel them, or pass --force");
        } else {
            out.println("preflight: " + (busy.isEmpty() ? "no operation in flight" : busy.size() + " operation(s) in flight, going ahead (--force)"));
        }
        List<String> already = PostUpdateDoctor.failures(paths).stream().filter(f -> !f.startsWith("daemon:")).toList();
        if (!already.isEmpty()) {
            // the post-update doctor would fail for the same reason and roll every update back
            throw new UpdateRefused("`banger --system doctor` already FAILs before the update: " + String.join("; ", already)
                    + ". Fix that first (a stopped daemon is fine: the update starts it)");
        }
        out.println("preflight: doctor on the live install has no FAIL (the daemon aside)");
        Path staged = ReleaseArchive.unpack(opts.release(), paths.staging());
        out.println("preflight: " + Checksums.verify(staged) + " files match " + Checksums.FILE);
        String version = StagedVersion.check(staged);
        out.println("preflight: the new tree runs (" + version + ")");
        for (String line : SchemaCompatibility.check(staged.resolve("plugins"), paths.stateDir())) {
            out.println("preflight: " + line);
        }
        // out of the unpack directory and beside the live tree: the swap is then two renames
        Path ready = next();
        TreeCopy.delete(ready);
        Files.move(staged, ready);
        return new Staged(ready, version);
    }

    /** A restart that fails is reported, never thrown: doctor decides, and a rollback must still happen. */
    private boolean restart(ServiceControl services, InstallRecord record, String version) {
        try {
            if (services.restart(record)) {
                return true;
            }
            out.println("the services did not all come back on " + version);
        } catch (Exception e) {
            out.println("restarting the services on " + version + " failed: " + e.getMessage());
        }
        return false;
    }

    private int apply(Path staged, String from, String to, InstallRecord record, long start) throws Exception {
        TreeSwap swap = new TreeSwap(paths);
        ServiceControl services = new ServiceControl(paths, out);
        ClasspathPin.pinAll(); // before the swap: see ClasspathPin
        swap.swapIn(staged);
        out.println("swapped in " + to + "; " + from + " kept at " + paths.previousTree());
        restart(services, record, to);
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
        boolean back = restart(services, record, from);
        List<String> after = PostUpdateDoctor.failures(paths);
        out.println("rolled back to " + from + (back && after.isEmpty() ? "; services running and doctor passes again"
                : "; doctor after rollback: " + (after.isEmpty() ? "passes" : String.join("; ", after))));
        return 1;
    }
}
