package dev.banger.plugins.vm.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    WorkspaceInstaller(GuestShell guest) {
        this.guest = guest;
    }

    Copied install(WorkspacePlan plan, Path scratch) {
        String name = plan.repo().userName().orElse("");
        String email = plan.repo().userEmail().orElse("");
        try {
            if (plan.fullCopy()) {
                Path tar = scratch.resolve("full.tar");
                OverlayArchive.write(plan.repo().topLevel(), OverlayArchive.present(plan.files()), true, tar, scratch);
                step("unpack the work tree", GuestScripts.UNPACK_FULL_COPY,
                        List.of(plan.base(), plan.newBranch() ? plan.guestBranch() : "", name, email), tar, true);
                return new Copied(Files.size(tar));
            }
            Path bundle = scratch.resolve("repo.bundle");
            BundleFile.write(plan, bundle);
            long bytes = Files.size(bundle);
            step("clone the bundle", GuestScripts.CLONE_BUNDLE, List.of(plan.base(), plan.guestBranch() == null ? "" : plan.guestBranch(),
                    plan.newBranch() ? "yes" : "no", name, email), bundle, true);
            if (!plan.files().isEmpty()) {
                Path tar = scratch.resolve("overlay.tar");
                OverlayArchive.write(plan.repo().topLevel(), OverlayArchive.present(plan.files()), false, tar, scratch);
                bytes += Files.size(tar);
                step("copy the uncommitted files", GuestScripts.APPLY_OVERLAY, OverlayArchive.toRemove(plan.files()), tar, false);
            }
            return new Copied(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void step(String what, String script, List<String> args, Path stdin, boolean first) {
        GuestShell.Outcome o;
        try {
            o = guest.run(script, args, stdin);
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
