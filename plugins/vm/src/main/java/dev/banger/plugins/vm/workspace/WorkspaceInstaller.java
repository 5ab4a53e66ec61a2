package dev.banger.plugins.vm.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.OutputStream;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Puts a planned workspace into the guest in one ssh session that reads a host file as stdin. Mode bundle: the
 * bundle, then a tar of the changed and untracked files; the guest fetches the bundle into a fresh /root/repo,
 * checks out the branch and lays the tar over it. Mode full_copy: one tar of .git and the work tree. If a step fails after
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
                        List.of(plan.base(), plan.newBranch() ? plan.guestBranch() : "", name, email), tar);
                return new Copied(Files.size(tar));
            }
            Path stream = scratch.resolve("repo.bundle");
            long t0 = System.nanoTime();
            BundleFile.write(plan, stream);
            long bundleBytes = Files.size(stream);
            timed("bundle the history", t0, bundleBytes);
            boolean overlay = !plan.files().isEmpty();
            if (overlay) {
                Path tar = scratch.resolve("overlay.tar");
                long t1 = System.nanoTime();
                OverlayArchive.write(plan.repo().topLevel(), OverlayArchive.present(plan.files()), false, tar, scratch);
                appendTo(stream, tar);
                timed("archive the changed files", t1, Files.size(tar));
            }
            List<String> args = new ArrayList<>(List.of(plan.base(), plan.guestBranch() == null ? "" : plan.guestBranch(),
                    plan.newBranch() ? "yes" : "no", name, email, Long.toString(bundleBytes), overlay ? "yes" : "no"));
            args.addAll(OverlayArchive.toRemove(plan.files()));
            step("clone the bundle and copy the changed files", GuestScripts.CLONE_BUNDLE, args, stream);
            return new Copied(Files.size(stream));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One log line per step (op_id included), so a slow prepare shows whether git, tar, ssh or the guest took the time. */
    private void timed(String what, long startNanos, long bytes) {
        log.info("workspace step {}: {} ms, {} bytes", what, (System.nanoTime() - startNanos) / 1_000_000, bytes);
    }

    private void step(String what, String script, List<String> args, Path stdin) throws IOException {
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
            // 17/18 are checked before the script creates anything: that /root/repo is not ours to remove
            boolean refusedUpFront = o.exitCode() == GuestScripts.REPO_EXISTS || o.exitCode() == GuestScripts.NO_GIT;
            if (!refusedUpFront) {
                removeHalfMade();
            }
            throw GuestRefusal.of(guest.vmName(), what, o);
        }
    }

    /** The tar goes right after the bundle in the one stdin stream (the guest splits them by the bundle's size). */
    private static void appendTo(Path stream, Path tar) throws IOException {
        try (OutputStream out = Files.newOutputStream(stream, StandardOpenOption.APPEND)) {
            Files.copy(tar, out);
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
