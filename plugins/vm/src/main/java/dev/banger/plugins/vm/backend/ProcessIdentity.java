package dev.banger.plugins.vm.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Is this pid still the VMM we launched? A recycled pid must never be signalled or trusted. */
public final class ProcessIdentity {
    private ProcessIdentity() {
    }

    public static boolean isRunning(long pid, String executableName) {
        try {
            String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            String argv0 = cmdline.split("\0", 2)[0];
            return argv0.endsWith(executableName) || argv0.contains("/" + executableName);
        } catch (IOException e) {
            return false;
        }
    }
}
