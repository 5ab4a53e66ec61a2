package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * vm.workspace.prepare. {@code vm} may be left out only for a dry run (vm run asks before it has a VM).
 * {@code source_path} is a path on the daemon's host, absolute and already normalised: the daemon has no
 * useful working directory, and a path with {@code ..} segments is refused rather than guessed at.
 */
public record VmWorkspacePrepareParams(String vm, String sourcePath, String mode, Boolean includeUntracked, String branch,
                                       String from, Boolean dryRun) {
    public static final String BUNDLE = "bundle";
    public static final String FULL_COPY = "full_copy";
    /** What `git check-ref-format --branch` accepts, minus the rarities (no '@{', no '..', no trailing '.lock'). */
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]{0,199}");

    public VmWorkspacePrepareParams {
        if (vm != null || !Boolean.TRUE.equals(dryRun)) {
            if (vm == null) {
                throw RpcException.badRequest("params.vm: required (only a dry run may leave it out)");
            }
            if (!VmCreateParams.NAME.matcher(vm).matches()) {
                throw RpcException.badRequest("params.vm: '" + vm + "' is not a valid VM name");
            }
        }
        checkSourcePath(sourcePath);
        if (mode != null && !mode.equals(BUNDLE) && !mode.equals(FULL_COPY)) {
            throw RpcException.badRequest("params.mode: must be \"bundle\" or \"full_copy\", got \"" + mode + "\"");
        }
        if (branch != null && (!BRANCH.matcher(branch).matches() || branch.contains("..") || branch.contains("//")
                || branch.endsWith(".lock") || branch.endsWith("/") || branch.endsWith("."))) {
            throw RpcException.badRequest("params.branch: '" + branch + "' is not a usable branch name");
        }
        if (from != null && branch == null) {
            throw RpcException.badRequest("params.from: only together with params.branch (the new branch starts there)");
        }
        if (from != null && (from.isBlank() || from.startsWith("-") || from.length() > 200 || from.chars().anyMatch(c -> c < 0x21 || c == 0x7f))) {
            throw RpcException.badRequest("params.from: '" + from + "' is not a revision");
        }
        if (from != null && FULL_COPY.equals(mode)) {
            throw RpcException.badRequest("params.from: only with mode bundle (full_copy copies the work tree as it is)");
        }
    }

    private static void checkSourcePath(String sourcePath) {
        if (sourcePath == null || sourcePath.isBlank()) {
            throw RpcException.badRequest("params.source_path: required");
        }
        if (sourcePath.indexOf('\0') >= 0) {
            throw RpcException.badRequest("params.source_path: contains a NUL byte");
        }
        if (!sourcePath.startsWith("/")) {
            throw RpcException.badRequest("params.source_path: must be absolute (the daemon does not share your working directory), got '"
                    + sourcePath + "'");
        }
        for (String segment : sourcePath.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw RpcException.badRequest("params.source_path: must not contain '" + segment + "' segments, got '" + sourcePath
                        + "' (resolve it first)");
            }
        }
    }

    public String effectiveMode() {
        return mode == null ? BUNDLE : mode;
    }

    public boolean untracked() {
        return Boolean.TRUE.equals(includeUntracked);
    }

    public boolean dry() {
        return Boolean.TRUE.equals(dryRun);
    }

    public Path source() {
        return Path.of(sourcePath);
    }
}
