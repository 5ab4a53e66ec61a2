package dev.banger.plugins.vm.api;

import java.util.List;

/**
 * vm.workspace.export: {@code patch} is `git diff --binary` text from {@code base_commit} to the guest's work tree
 * (its commits, uncommitted edits and new non-ignored files); `git apply` takes it on the host at that commit.
 */
public record WorkspaceExportResult(String vm, String baseCommit, String patch, long patchBytes, List<String> changedFiles) {
}
