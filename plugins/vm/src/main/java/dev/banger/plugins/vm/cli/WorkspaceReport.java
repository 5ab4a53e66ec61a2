package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.Sizes;
import dev.banger.plugins.vm.api.WorkspaceFile;
import dev.banger.plugins.vm.api.WorkspacePrepareResult;
import java.io.PrintStream;

/** How a prepared (or dry-run) workspace is shown to people; `--json` prints the result itself instead. */
public final class WorkspaceReport {
    private WorkspaceReport() {
    }

    /** The would-be copy: mode, base commit, branch, then one "STATUS PATH" line per file. */
    public static void dryRun(PrintStream out, WorkspacePrepareResult r) {
        out.printf("mode:        %s%nsource:      %s%nbase commit: %s%nbranch:      %s%nfiles:       %d (on top of the history up to the base commit)%n",
                r.mode(), r.sourceRoot(), r.baseCommit(), r.branch() == null ? "(detached)" : r.branch(), r.fileCount());
        if (r.note() != null) {
            out.println("note:        " + r.note());
        }
        for (WorkspaceFile f : r.files()) {
            out.printf("  %-12s %s%n", f.status(), f.path());
        }
    }

    /** One line after a real prepare. */
    public static void prepared(PrintStream out, WorkspacePrepareResult r) {
        out.printf("%s:%s ready (%s, base %s, branch %s, %d file(s) over history, %s copied in %.1f s)%n", r.vm(), r.guestPath(), r.mode(),
                r.baseCommit().substring(0, Math.min(12, r.baseCommit().length())), r.branch() == null ? "(detached)" : r.branch(),
                r.fileCount(), Sizes.human(r.bytesCopied()), r.durationMs() / 1000.0);
        if (r.note() != null) {
            out.println("note: " + r.note());
        }
    }
}
