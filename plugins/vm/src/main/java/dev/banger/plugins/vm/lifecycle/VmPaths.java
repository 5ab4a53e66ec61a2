package dev.banger.plugins.vm.lifecycle;

import java.nio.file.Path;

/**
 * Disks live in the data dir under the VM's name; sockets, the pid file and the console log live in
 * the runtime dir under a short id, because AF_UNIX paths are capped at 108 bytes and names may be
 * 63 characters.
 */
public record VmPaths(Path diskRoot, Path runRoot) {
    public Path disks(String name) {
        return diskRoot.resolve(name);
    }

    public Path run(String id) {
        return runRoot.resolve(id);
    }
}
