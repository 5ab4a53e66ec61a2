package dev.banger.plugins.vm.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a git bundle of the plan's refs (HEAD's history, the current branch, a --from ref) to a file. A file,
 * not memory: ssh later reads it as the guest command's stdin, so a large repository streams through.
 */
final class BundleFile {
    private BundleFile() {
    }

    static void write(WorkspacePlan plan, Path file) {
        List<String> args = new ArrayList<>(List.of("bundle", "create", "-q", file.toString()));
        args.addAll(plan.bundleRefs());
        new HostGit(plan.repo().topLevel()).out("bundle the repository's history", args.toArray(String[]::new));
    }
}
