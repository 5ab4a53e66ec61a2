package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.VmNameParams;
import dev.banger.plugins.vm.api.VmSummary;

/**
 * A create that failed after the VM existed (it did not boot or become ready) leaves the VM in state error with
 * its console log: kept even under --rm, because the log is the only way to learn why.
 */
final class NeverReady {
    private final CliEnvironment env;

    NeverReady(CliEnvironment env) {
        this.env = env;
    }

    void explain(String name, boolean rm) {
        VmSummary vm;
        try {
            vm = env.call("vm.show", new VmNameParams(name), VmSummary.class);
        } catch (RpcException absent) {
            return; // refused or cancelled before anything was made: nothing to keep
        }
        env.err().println("banger: VM " + name + " never became ready (state " + vm.state() + ")" + (rm ? "; kept despite --rm" : "")
                + ": read its console with `banger vm logs " + name + "`, then `banger vm delete " + name + "`");
    }
}
