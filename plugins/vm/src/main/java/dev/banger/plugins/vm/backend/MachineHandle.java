package dev.banger.plugins.vm.backend;

import java.nio.file.Path;

/** How to find a launched VMM again, persisted in the vm store: the pid and its control socket. */
public record MachineHandle(String backend, long pid, Path controlSocket, Path runDir) {
}
