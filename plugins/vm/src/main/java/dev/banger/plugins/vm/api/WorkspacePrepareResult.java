package dev.banger.plugins.vm.api;

import java.util.List;

/**
 * vm.workspace.prepare. {@code guest_path} is where the repository is in the guest (the working directory for
 * commands); {@code base_commit} is what vm.workspace.export diffs against; {@code branch} is what the guest has
 * checked out (null: a detached HEAD). {@code bytes_copied} and {@code duration_ms} are 0 for a dry run.
 */
public record WorkspacePrepareResult(String vm, String mode, boolean dryRun, String sourceRoot, String baseCommit, String branch,
                                     String guestPath, int fileCount, List<WorkspaceFile> files, long bytesCopied, long durationMs,
                                     String note) {
}
