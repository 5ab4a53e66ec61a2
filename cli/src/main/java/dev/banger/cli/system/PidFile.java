package dev.banger.cli.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A background service's pid, trusted only while that pid is alive and still runs the service's main
 * class: a stale file after a reboot or crash must never make `system stop` signal a stranger.
 */
final class PidFile {
    private PidFile() {
    }

    static void write(Path file, long pid) throws IOException {
        AtomicFiles.write(file, pid + "\n");
    }

    static Optional<ProcessHandle> live(Path file, Service service) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file).strip());
            Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (h.isEmpty()) {
                return Optional.empty();
            }
            String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            return cmdline.contains(service.mainClass()) ? h : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
