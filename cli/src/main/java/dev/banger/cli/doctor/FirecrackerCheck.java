package dev.banger.cli.doctor;

import java.nio.file.Path;
import java.util.Optional;

/** Firecracker is an optional, faster backend: its absence only means every VM uses QEMU. */
final class FirecrackerCheck implements Check {
    @Override
    public String name() {
        return "firecracker";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        Optional<Path> fc = ToolProbe.find("firecracker");
        if (fc.isEmpty()) {
            return CheckResult.warn(name(), "not installed",
                    "optional: install a firecracker release binary on PATH (needs real KVM)",
                    "VMs use the qemu backend");
        }
        return CheckResult.pass(name(), ToolProbe.versionLine(fc.get(), "--version"), fc.get().toString());
    }
}
