package dev.banger.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcException;

/**
 * KVM or TCG, as the daemon's qemu backend decided it (vm.backends): the daemon is what launches
 * VMs, so its view is the one that matters, and the detection (PVM, vmx/svm, /dev/kvm access)
 * lives once, in the vm plugin.
 */
final class AcceleratorCheck implements Check {
    @Override
    public String name() {
        return "accelerator";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        String down = ctx.daemon().unreachableReason();
        if (down != null) {
            return CheckResult.warn(name(), "unknown (daemon not reachable)", DaemonProbe.startHint(), down);
        }
        JsonNode report;
        try {
            report = ctx.daemon().call("vm.backends");
        } catch (RpcException e) {
            return CheckResult.warn(name(), "unknown (vm.backends failed)", "is the vm plugin enabled? `banger plugin list`", e.getMessage());
        }
        for (JsonNode b : report.path("backends")) {
            if (b.path("name").asText().equals("qemu")) {
                return judge(b.path("applicable").asBoolean(), b.path("reason").asText());
            }
        }
        return CheckResult.fail(name(), "none", "reinstall banger: the vm plugin has no qemu backend", report.toString());
    }

    private CheckResult judge(boolean applicable, String reason) {
        if (!applicable) {
            return CheckResult.fail(name(), "none", "install QEMU (see the qemu check)", "qemu backend: " + reason);
        }
        if (reason.startsWith("KVM")) {
            return CheckResult.pass(name(), "KVM", reason);
        }
        // TCG boots every VM, just several times slower: a limit, not a failure
        return CheckResult.warn(name(), "TCG", "for hardware speed use a host with VMX/SVM and a stock KVM module", reason);
    }
}
