package dev.banger.plugins.vm.workspace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What inspecting a source path found: the work tree's top, HEAD's commit, the branch checked out (null when
 * HEAD is detached), whether the tree has submodules, whether {@code .git} is a directory (full_copy copies it;
 * a linked worktree's or submodule's {@code .git} is a file pointing elsewhere), and the committer identity to
 * give the guest.
 */
record SourceRepo(Path topLevel, String headCommit, String headBranch, boolean hasSubmodules, boolean gitDirIsDirectory,
                  Optional<String> userName, Optional<String> userEmail) {
}
