package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;

/**
 * A step {@code vm run} takes once the VM is ready and before the command or shell starts; it says where they
 * start. Workspace mode ({@code vm run PATH}) copies the repository in and answers its guest directory.
 */
interface AfterReady {
    AfterReady NONE = (env, vm) -> null;

    /** Returns the guest directory the command and the shell start in, or null for root's home. */
    String run(CliEnvironment env, String vm) throws Exception;

    /** {@code vm run PATH}: the git work tree at PATH goes to /root/repo, where CMD and the shell then start. */
    static AfterReady workspace(String path, WorkspaceStep.Options options) {
        return (env, vm) -> {
            WorkspaceStep.Prepared ws = WorkspaceStep.prepare(env, vm, path, options);
            WorkspaceReport.prepared(env.err(), ws.result());
            return ws.workingDirectory();
        };
    }
}
