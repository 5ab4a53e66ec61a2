package dev.banger.plugins.vm.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;

/**
 * Puts a planned workspace into the guest: at most two ssh sessions, each reading a host file as stdin. Mode
 * bundle: the bundle is fetched into a fresh /root/repo and the branch checked out, then a tar of the changed
 * and untracked files is laid over it. Mode full_copy: one tar of .git and the work tree. If a step fails after
 * the guest started building /root/repo, the half-made workspace is removed again.
 */
final class WorkspaceInstaller {
    /** What went over the wire. */
    record Copied(long bytes) {
    }

    private final GuestShell guest;
    private final Logger log;

    WorkspaceInstaller(GuestShell guest, Logger log) {
        this.guest = guest;
        this.log = log;
    }

    Copied install(WorkspacePlan plan, Path scratch) {
        String name = plan.repo().userName().orElse("");
        String email = plan.repo().userEmail().orElse("");
        try {
            if (plan.fullCopy()) {
                Path tar = scratch.resolve("full.tar");
                long t0 = System.nanoTime();
                OverlayArchive.write(plan.repo().topLevel(), OverlayArchive.present(plan.files()), true, tar, scratch);
                timed("archive the work tree", t0, Files.size(tar));
                step("unpack the work tree", GuestScripts.UNPACK_FULL_COPY,
                        List.of(plan.base(), plan.newBranch() ? plan.guestBranch() : "", name, email), tar, true);
                return new Copied(Files.size(tar));
            }
            Path bundle = scratch.resolve("repo.bundle");
            long t0 = System.nanoTime();
            BundleFile.write(plan, bundle);
            long bytes = Files.size(bundle);
            timed("bundle the history", t0, bytes);
            step("clone the bundle", GuestScripts.CLONE_BUNDLE, List.of(plan.base(), plan.guestBranch() == null ? "" : plan.guestBranch(),
                    plan.newBranch() ? "yes" : "no", name, email), bundle, true);
            if (!plan.files().isEmpty()) {
                Path tar = scratch.resolve("overlay.tar");
                long t1 = System.nanoTime();
                OverlayArchive.write(plan.repo().topLevel(), OverlayArchive.present(plan.files()), false, tar, scratch);
                bytes += Files.size(tar);
                timed("archive the changed files", t1, Files.size(tar));
                step("copy the uncommitted files", GuestScripts.APPLY_OVERLAY, OverlayArchive.toRemove(plan.files()), tar, false);
            }
            return new Copied(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One log line per step (op_id included), so a slow prepare shows whether git, tar, ssh or the guest took the time. */
    private void timed(String what, long startNanos, long bytes) {
        log.info("workspace step {}: {} ms, {} bytes", what, (System.nanoTime() - startNanos) / 1_000_000, bytes);
    }

    private void step(String what, String script, List<String> args, Path stdin, boolean first) throws IOException {
        GuestShell.Outcome o;
        long t0 = System.nanoTime();
        try {
            o = guest.run(script, args, stdin);
            timed(what + " (ssh)", t0, stdin == null ? 0 : Files.size(stdin));
        } catch (RuntimeException e) {
            removeHalfMade();
            throw e;
        }
        if (o.exitCode() != 0) {
            // 17/18 are checked before the first step creates anything: that /root/repo is not ours to remove
            boolean refusedUpFront = first && (o.exitCode() == GuestScripts.REPO_EXISTS || o.exitCode() == GuestScripts.NO_GIT);
            if (!refusedUpFront) {
                removeHalfMade();
            }
            throw GuestRefusal.of(guest.vmName(), what, o);
        }
    }

    private void removeHalfMade() {
        try {
            guest.run(GuestScripts.REMOVE, List.of(), null);
        } catch (RuntimeException ignored) {
            // the guest is unreachable or the call was cancelled: the first error is the one to report
        }
    }
}
