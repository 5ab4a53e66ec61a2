package dev.banger.plugins.vm.workspace;

import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.VmWorkspacePrepareParams;
import dev.banger.plugins.vm.api.WorkspaceFile;
import java.util.ArrayList;
import java.util.List;

/** Turns vm.workspace.prepare's params into a {@link WorkspacePlan}, refusing what cannot work before anything is made. */
final class WorkspacePlanner {
    private WorkspacePlanner() {
    }

    static WorkspacePlan plan(VmWorkspacePrepareParams p) {
        SourceRepo repo = SourceInspector.inspect(p.source());
        String mode = p.effectiveMode();
        if (repo.hasSubmodules() && !mode.equals(VmWorkspacePrepareParams.FULL_COPY)) {
            throw RpcException.badRequest("params.source_path: the repository at " + repo.topLevel() + " has submodules, which a"
                    + " git bundle cannot carry; use --mode full_copy (mode \"full_copy\") to copy the work tree with its .git directory");
        }
        if (mode.equals(VmWorkspacePrepareParams.FULL_COPY)) {
            if (!repo.gitDirIsDirectory()) {
                throw RpcException.badRequest("params.mode: full_copy copies the work tree's .git directory, but " + repo.topLevel()
                        + "/.git is a file (a linked worktree or a submodule checkout); use mode bundle");
            }
            List<WorkspaceFile> files = FileSelection.fullCopy(repo, p.untracked());
            return new WorkspacePlan(repo, mode, repo.headCommit(), p.branch() != null ? p.branch() : repo.headBranch(),
                    p.branch() != null, List.of(), files, null);
        }
        List<String> refs = new ArrayList<>(List.of("HEAD"));
        if (repo.headBranch() != null) {
            refs.add("refs/heads/" + repo.headBranch());
        }
        String base = repo.headCommit();
        String note = null;
        if (p.from() != null) {
            base = resolveFrom(repo, p.from(), refs);
        }
        List<WorkspaceFile> files;
        if (base.equals(repo.headCommit())) {
            files = FileSelection.overlay(repo, p.untracked());
        } else {
            // uncommitted changes belong to HEAD; laid over another commit they would be a different change
            files = List.of();
            note = "the new branch starts at " + p.from() + ", not HEAD: the work tree's uncommitted changes are not copied";
        }
        String guestBranch = p.branch() != null ? p.branch() : repo.headBranch();
        return new WorkspacePlan(repo, mode, base, guestBranch, p.branch() != null, List.copyOf(refs), files, note);
    }

    /**
     * The commit {@code from} names. A ref (branch, tag) goes into the bundle as itself; any other revision must be
     * in HEAD's history, which the bundle carries anyway.
     */
    private static String resolveFrom(SourceRepo repo, String from, List<String> refs) {
        HostGit git = new HostGit(repo.topLevel());
        String commit = git.maybe("rev-parse", "--verify", "-q", from + "^{commit}").orElseThrow(() ->
                RpcException.badRequest("params.from: '" + from + "' is not a commit in " + repo.topLevel()));
        String ref = git.maybe("rev-parse", "--symbolic-full-name", from).orElse("");
        // `from` cannot start with '-' (the params record refuses it), so git never reads it as an option
        if (ref.startsWith("refs/heads/") || ref.startsWith("refs/tags/") || ref.startsWith("refs/remotes/")) {
            if (!refs.contains(ref)) {
                refs.add(ref);
            }
        } else if (git.attempt("merge-base", "--is-ancestor", commit, repo.headCommit()).exitCode() != 0) {
            throw RpcException.badRequest("params.from: '" + from + "' is neither a branch or tag nor in HEAD's history,"
                    + " so the bundle would not carry it");
        }
        return commit;
    }
}
