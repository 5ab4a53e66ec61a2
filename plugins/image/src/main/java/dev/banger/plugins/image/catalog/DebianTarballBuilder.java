package dev.banger.plugins.image.catalog;

import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds a catalog entry's root filesystem as one tar with mmdebstrap, which reads the host's own
 * apt sources (no mirror is named anywhere in banger) and writes a tar that feeds the same
 * tar → ext4 path as OCI layers. As root it runs in root mode; otherwise it needs user namespaces
 * and /etc/subuid ranges (mmdebstrap's unshare mode).
 */
public final class DebianTarballBuilder {
    private static final long TIMEOUT_MINUTES = 20;

    public Path build(CatalogEntry entry, Path tarOut, Path logFile, OperationProgress progress) throws IOException, InterruptedException {
        if (!onPath("mmdebstrap")) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "building " + entry.name()
                    + " needs mmdebstrap: install it (apt-get install mmdebstrap), or pull an image from a registry instead");
        }
        List<String> argv = new ArrayList<>(List.of("mmdebstrap", "--variant=minbase", "--mode=auto",
                "--include=" + String.join(",", entry.packages()), "--format=tar", entry.suite(), tarOut.toString()));
        progress.stage("debootstrap " + entry.suite());
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        try {
            while (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
                if (progress.cancelled() || System.nanoTime() > deadline) {
                    stop(p);
                    progress.checkCancelled();
                    throw new RpcException(ErrorCode.OPERATION_FAILED, "mmdebstrap did not finish building " + entry.name()
                            + " within " + TIMEOUT_MINUTES + " minutes; see " + logFile);
                }
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        if (p.exitValue() != 0) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "mmdebstrap failed building " + entry.name()
                    + " (exit " + p.exitValue() + "): " + tail(logFile));
        }
        return tarOut;
    }

    /** mmdebstrap runs apt and dpkg as children: stop them too (they are ours, started by this process). */
    private static void stop(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
