package dev.banger.plugins.vm.workspace;

import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides whether a host path can become a workspace, before anything is created: it must exist, sit inside
 * a git work tree (not a bare repository, not inside {@code .git}), and HEAD must have a commit. Each refusal
 * names {@code params.source_path} and says what to do instead.
 */
final class SourceInspector {
    private SourceInspector() {
    }

    static SourceRepo inspect(Path source) {
        if (!Files.exists(source)) {
            throw RpcException.notFound("params.source_path: " + source + " does not exist on the daemon's host");
        }
        Path dir = Files.isDirectory(source) ? source : source.getParent();
        HostGit git = new HostGit(dir);
        var probe = git.attempt("rev-parse", "--is-bare-repository", "--is-inside-git-dir", "--is-inside-work-tree");
        if (probe.exitCode() != 0) {
            throw RpcException.badRequest("params.source_path: " + source + " is not inside a git repository"
                    + " (workspaces copy a git work tree; run `git init` and commit first)");
        }
        List<String> answers = probe.stdout().strip().lines().toList();
        if (answers.size() == 3 && answers.get(0).equals("true")) {
            throw RpcException.badRequest("params.source_path: " + source + " is a bare repository, which has no work tree to copy;"
                    + " clone it and point at the clone");
        }
        if (answers.size() == 3 && answers.get(1).equals("true")) {
            throw RpcException.badRequest("params.source_path: " + source + " is inside a .git directory; point at the work tree");
        }
        if (answers.size() != 3 || !answers.get(2).equals("true")) {
            throw RpcException.badRequest("params.source_path: " + source + " is not inside a git work tree");
        }
        Path top = Path.of(git.out("find the top of the work tree", "rev-parse", "--show-toplevel"));
        HostGit atTop = new HostGit(top);
        String head = atTop.maybe("rev-parse", "--verify", "-q", "HEAD^{commit}").orElseThrow(() -> RpcException.badRequest(
                "params.source_path: the repository at " + top + " has no commits yet; commit something first"));
        String branch = atTop.maybe("symbolic-ref", "-q", "--short", "HEAD").filter(b -> !b.isEmpty()).orElse(null);
        boolean submodules = hasSubmodules(atTop);
        boolean gitDir = Files.isDirectory(top.resolve(".git"), LinkOption.NOFOLLOW_LINKS);
        return new SourceRepo(top, head, branch, submodules, gitDir,
                atTop.maybe("config", "--get", "user.name").filter(s -> !s.isEmpty()),
                atTop.maybe("config", "--get", "user.email").filter(s -> !s.isEmpty()));
    }

    /** A gitlink (mode 160000) in the index is a submodule, whether or not .gitmodules describes it. */
    private static boolean hasSubmodules(HostGit git) {
        String staged = git.raw("list the index", "ls-files", "--stage", "-z");
        return HostGit.nulSeparated(staged).stream().anyMatch(e -> e.startsWith("160000 "));
    }
}
