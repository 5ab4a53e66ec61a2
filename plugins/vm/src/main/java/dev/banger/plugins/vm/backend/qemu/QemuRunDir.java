package dev.banger.plugins.vm.backend.qemu;

import java.nio.file.Path;

/**
 * The files of one QEMU machine inside its run directory. One place names them, so the argv, the
 * launcher and a daemon re-attaching after a restart all agree on where each file is.
 */
public record QemuRunDir(Path dir) {
    /** QMP control socket (the {@code MachineHandle}'s control socket). */
    public Path qmpSocket() {
        return dir.resolve("qmp.sock");
    }

    /** Host end of the virtio-serial port {@value QemuArgs#GUEST_PORT_NAME}. */
    public Path guestSocket() {
        return dir.resolve("guest.sock");
    }

    /** The guest's serial console (ttyS0). */
    public Path consoleLog() {
        return dir.resolve("console.log");
    }

    /** QEMU's own stdout/stderr, for the whole life of the process. */
    public Path qemuLog() {
        return dir.resolve("qemu.log");
    }

    /** Written by QEMU itself (and removed when it exits cleanly): the real pid. */
    public Path pidFile() {
        return dir.resolve("qemu.pid");
    }
}
