package dev.banger.plugins.vm.backend.qemu;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.File;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts QEMU so that it outlives the daemon, even a {@code kill -9} of it.
 *
 * <p>Why {@code setsid} rather than QEMU's {@code -daemonize}: both put QEMU in its own session (no
 * SIGHUP/SIGINT from the daemon's terminal or process group), but {@code -daemonize} points QEMU's
 * stderr at /dev/null once start-up is over, and the messages that matter most come later ("KVM
 * internal error", block I/O errors, slirp warnings). With {@code setsid} QEMU's stdout and stderr
 * go to {@code qemu.log} for its whole life, stdin is /dev/null, and no pipe to the daemon exists
 * whose closing could hurt it. setsid(1) execs QEMU in place (a JVM child is never a process group
 * leader, so it need not fork); the pid returned is nevertheless read from QEMU's own {@code -pidfile}.
 */
public final class QemuLauncher {
    private static final int LOG_TAIL_BYTES = 4096;

    private final Path setsid;
    private final Duration startTimeout;

    public QemuLauncher(Path setsid, Duration startTimeout) {
        this.setsid = setsid;
        this.startTimeout = startTimeout;
    }

    /** Runs {@code qemuArgv} detached and returns QEMU's pid once its QMP socket accepts connections. */
    public long launch(List<String> qemuArgv, QemuRunDir run) throws IOException, InterruptedException {
        Files.createDirectories(run.dir());
        // leftovers of an earlier run would look like a ready QEMU before this one has started
        for (Path stale : List.of(run.qmpSocket(), run.guestSocket(), run.pidFile())) {
            Files.deleteIfExists(stale);
        }
        List<String> argv = new ArrayList<>();
        argv.add(setsid.toString());
        argv.addAll(qemuArgv);
        Process process = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.to(run.qemuLog().toFile()))
                .redirectErrorStream(true)
                .start();
        try {
            awaitQmpSocket(process, run);
            return readPid(run, process.pid());
        } catch (IOException | RuntimeException | InterruptedException e) {
            // never leave a half-started VM behind, and return only once it is really gone
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw e;
        }
    }

    private void awaitQmpSocket(Process process, QemuRunDir run) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        // the socket file appears at bind(), a moment before listen(): wait for a connection to succeed.
        // QEMU is past its device set-up by then, so user-mode forwards already listen too.
        while (!acceptsConnections(run.qmpSocket())) {
            if (!process.isAlive()) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "qemu exited during start-up (exit "
                        + process.exitValue() + "): " + tail(run.qemuLog()));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "qemu did not open its QMP socket within "
                        + startTimeout + ": " + tail(run.qemuLog()));
            }
            Thread.sleep(10);
        }
    }

    /** True once a unix socket accepts a connection (closed again at once; QMP then serves the next client). */
    public static boolean acceptsConnections(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** QEMU writes its pid file before it creates any chardev socket, so it is there by now. */
    private static long readPid(QemuRunDir run, long fallback) throws IOException {
        if (!Files.exists(run.pidFile())) {
            return fallback;
        }
        return Long.parseLong(Files.readString(run.pidFile()).strip());
    }

    /** The end of qemu.log, where QEMU's reason for failing is. */
    static String tail(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "(qemu.log is empty)" : text;
        } catch (IOException e) {
            return "(no qemu.log: " + e.getMessage() + ")";
        }
    }
}
