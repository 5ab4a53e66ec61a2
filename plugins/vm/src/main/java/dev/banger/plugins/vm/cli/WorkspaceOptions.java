package dev.banger.plugins.vm.cli;

import picocli.CommandLine.Option;

/** The workspace flags `vm workspace prepare` and `vm run PATH` share (one definition, one help text). */
final class WorkspaceOptions {
    @Option(names = "--mode", paramLabel = "MODE", description = "bundle (default: a git bundle + changed files) or full_copy"
            + " (the work tree with its .git, for repositories with submodules).")
    String mode;
    @Option(names = "--include-untracked", description = "Also copy untracked files that are not ignored.")
    boolean includeUntracked;
    @Option(names = "--branch", paramLabel = "NAME", description = "Create and check out this branch in the guest only.")
    String branch;
    @Option(names = "--from", paramLabel = "REF", description = "Start --branch at REF instead of HEAD.")
    String from;
    @Option(names = "--dry-run", description = "Print what would be copied; create nothing.")
    boolean dryRun;

    WorkspaceStep.Options toOptions() {
        return new WorkspaceStep.Options(mode, includeUntracked, branch, from, dryRun);
    }

    /** Any of them given (vm run refuses them without a PATH). */
    boolean anyGiven() {
        return mode != null || includeUntracked || branch != null || from != null || dryRun;
    }
}
