package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;

/**
 * A step {@code vm run} takes once the VM is ready and before the command or shell starts. Workspace mode
 * (issue 7: copy or mount PATH into the guest) plugs in here: RunCommand picks the step from its PATH argument.
 */
interface AfterReady {
    AfterReady NONE = (env, vm) -> { };

    void run(CliEnvironment env, String vm) throws Exception;
}
