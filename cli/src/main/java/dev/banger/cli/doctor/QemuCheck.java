package dev.banger.cli.doctor;

import java.nio.file.Path;
import java.util.Optional;

/** QEMU is the VMM every VM runs under here; qemu-img makes the per-VM qcow2 overlays. */
final class QemuCheck implements Check {
    @Override
    public String name() {
        return "qemu";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        Optional<Path> qemu = ToolProbe.find("qemu-system-x86_64");
        String hint = "apt-get install --no-install-recommends qemu-system-x86 qemu-utils";
        if (qemu.isEmpty()) {
            return CheckResult.fail(name(), "qemu-system-x86_64 not found", hint, "no VM can boot without it");
        }
        String version = ToolProbe.versionLine(qemu.get(), "--version");
        Optional<Path> img = ToolProbe.find("qemu-img");
        if (img.isEmpty()) {
            return CheckResult.fail(name(), version, hint, qemu.get().toString(), "qemu-img not found: VM disks (qcow2 overlays) cannot be made");
        }
        return CheckResult.pass(name(), version, qemu.get().toString(), img.get().toString());
    }
}
