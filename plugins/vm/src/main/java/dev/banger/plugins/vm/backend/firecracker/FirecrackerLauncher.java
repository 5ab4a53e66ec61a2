package dev.banger.plugins.vm.backend.firecracker;

import dev.banger.plugins.vm.backend.Applicability;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the firecracker binary, builds its command line, and waits for its API socket. The socket
 * appearing is the readiness signal: Firecracker binds it before it accepts any configuration.
 *
 * <p>Disks: Firecracker's virtio-block reads raw images only (no qcow2), so banger gives each VM a
 * sparse or reflink copy of the image's rootfs ({@link dev.banger.plugins.vm.disk.RawDiskCloner}) where the qemu backend
 * would use a qcow2 overlay.
 */
public final class FirecrackerLauncher {
    private final String binary;
    private final String searchPath;

    /**
     * @param binary     a bare name looked up on {@code searchPath}, or a path to the binary
     * @param searchPath a PATH-style list (normally {@code System.getenv("PATH")}; tests pass their own)
     */
    public FirecrackerLauncher(String binary, String searchPath) {
        this.binary = binary;
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /** The default: {@code firecracker} on this process's PATH. */
    public static FirecrackerLauncher onPath() {
        return new FirecrackerLauncher("firecracker", System.getenv("PATH"));
    }

    public Applicability applicable() {
        if (resolve().isPresent()) {
            return Applicability.yes("firecracker at " + resolve().get());
        }
        return Applicability.no(binary.contains(File.separator)
                ? binary + " is not an executable file"
                : binary + " not found on PATH");
    }

    /** The binary to run: a path as given if executable, else the first executable match on the search path. */
    public Optional<Path> resolve() {
        if (binary.contains(File.separator)) {
            Path path = Path.of(binary);
            return isExecutableFile(path) ? Optional.of(path) : Optional.empty();
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty() && isExecutableFile(Path.of(dir, binary))) {
                return Optional.of(Path.of(dir, binary));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code firecracker --api-sock <socket> [--id <vmId>]}. The id shows up in Firecracker's logs and
     * in {@code GET /}; null leaves Firecracker's default. Fails if the binary is not applicable.
     */
    public List<String> argv(Path apiSocket, String vmId) {
        Path resolved = resolve().orElseThrow(() -> new IllegalStateException(applicable().reason()));
        List<String> argv = new ArrayList<>(List.of(resolved.toString(), "--api-sock", apiSocket.toString()));
        if (vmId != null) {
            argv.add("--id");
            argv.add(vmId);
        }
        return List.copyOf(argv);
    }

    /**
     * Waits until {@code apiSocket} exists, or the process dies, or {@code timeout} passes. Returns
     * normally only when the socket is there; a process that died first is reported as such.
     */
    public static void awaitApiSocket(Path apiSocket, ProcessHandle process, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(apiSocket)) {
            if (process != null && !process.isAlive()) {
                throw new IOException("firecracker exited before creating its API socket " + apiSocket);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("firecracker API socket " + apiSocket + " did not appear within " + timeout);
            }
            Thread.sleep(10);
        }
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
