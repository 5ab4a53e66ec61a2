package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.plugins.vm.api.VmWorkspacePrepareParams;
import dev.banger.plugins.vm.api.WorkspacePrepareResult;
import dev.banger.plugins.vm.ssh.ShellQuote;
import java.nio.file.Path;

/**
 * The workspace part of a command that runs something in a VM on the user's repository (`banger vm run PATH`,
 * `banger vm workspace prepare`): resolves PATH against the CLI's own working directory (the daemon does not share
 * it), calls vm.workspace.prepare, and says where the command should run.
 *
 * <pre>
 *   WorkspaceStep.Prepared ws = WorkspaceStep.prepare(env, vmName, path, options);   // after the VM is ready
 *   env.stream("vm.exec", new VmExecParams(vmName, argv, null, ws.workingDirectory()), ...);
 *   // no command: ssh -t ... -- ws.loginShellCommand()
 * </pre>
 *
 * A dry run may pass a null VM (nothing is created, no VM is needed): print {@link WorkspaceReport#dryRun} and stop.
 */
public final class WorkspaceStep {
    /** The options `vm run` and `vm workspace prepare` share; null mode means the default, bundle. */
    public record Options(String mode, boolean includeUntracked, String branch, String from, boolean dryRun) {
        public static Options defaults() {
            return new Options(null, false, null, null, false);
        }
    }

    /** What prepare did; {@link #workingDirectory()} is where commands and the interactive shell start. */
    public record Prepared(WorkspacePrepareResult result) {
        public String workingDirectory() {
            return result.guestPath();
        }

        /**
         * The remote command for an interactive ssh session (with {@code -t}) that starts in the workspace:
         * one string, as ssh hands it to the guest's shell; the directory is quoted.
         */
        public String loginShellCommand() {
            return loginShellIn(workingDirectory());
        }
    }

    private WorkspaceStep() {
    }

    /** A login shell that starts in {@code dir}: one string, as ssh hands it to the guest's shell; the directory is quoted. */
    static String loginShellIn(String dir) {
        return "cd " + ShellQuote.quote(dir) + " && exec \"${SHELL:-/bin/sh}\" -l";
    }

    public static Prepared prepare(CliEnvironment env, String vm, String path, Options o) {
        VmWorkspacePrepareParams p = new VmWorkspacePrepareParams(vm, absolute(path), o.mode(), o.includeUntracked() ? Boolean.TRUE : null,
                o.branch(), o.from(), o.dryRun() ? Boolean.TRUE : null);
        return new Prepared(env.call("vm.workspace.prepare", p, WorkspacePrepareResult.class));
    }

    /** PATH as the user meant it: relative to where they typed the command, with `..` resolved here. */
    static String absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString();
    }
}
