package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one tool (argv, never a shell) and returns its stdout; a non-zero exit becomes operation_failed
 * carrying the tool's stderr. While it runs, a cancel request or the time limit kills it (and its
 * children), so a cancelled pull does not leave an apt-get behind.
 */
final class ExternalCommand {
    private static final int STDERR_TAIL = 4000;

    private final List<String> argv;
    private final Path workingDirectory;
    private final Duration timeout;
    private Path stdoutFile;

    ExternalCommand(List<String> argv, Path workingDirectory, Duration timeout) {
        this.argv = List.copyOf(argv);
        this.workingDirectory = workingDirectory;
        this.timeout = timeout;
    }

    /** Binary output (a decompressed module) goes to a file instead of being collected as text. */
    ExternalCommand stdoutTo(Path file) {
        this.stdoutFile = file;
        return this;
    }

    /** @param progress may be null (nothing to cancel from) */
    String run(String purpose, OperationProgress progress) {
        Process process = start(purpose);
        StreamCollector stdout = stdoutFile == null ? StreamCollector.start(process.getInputStream()) : null;
        StreamCollector stderr = StreamCollector.start(process.getErrorStream());
        try {
            waitFor(process, purpose, progress);
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        if (process.exitValue() != 0) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "Tried to " + purpose + " but `" + String.join(" ", argv)
                    + "` exited with " + process.exitValue() + ": " + tail(stderr.text()));
        }
        return stdout == null ? "" : stdout.text();
    }

    private Process start(String purpose) {
        try {
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .directory(workingDirectory == null ? null : workingDirectory.toFile());
            if (stdoutFile != null) {
                builder.redirectOutput(stdoutFile.toFile());
            }
            return builder.start();
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "Tried to " + purpose + " but could not start `"
                    + argv.get(0) + "` (is it installed?): " + e.getMessage(), e);
        }
    }

    private void waitFor(Process process, String purpose, OperationProgress progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            process.getOutputStream().close();
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (progress != null) {
                    progress.checkCancelled();
                }
                if (System.nanoTime() > deadline) {
                    throw new RpcException(ErrorCode.OPERATION_FAILED, "Tried to " + purpose + " but `" + argv.get(0)
                            + "` did not finish within " + timeout.toSeconds() + " s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(ErrorCode.CANCELLED, "interrupted while waiting for " + argv.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= STDERR_TAIL ? trimmed : "…" + trimmed.substring(trimmed.length() - STDERR_TAIL);
    }

    /** Drains a pipe on its own thread so a chatty tool never blocks on a full pipe. */
    private static final class StreamCollector extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        private StreamCollector(InputStream in) {
            super("external-command-output");
            this.in = in;
            setDaemon(true);
        }

        static StreamCollector start(InputStream in) {
            StreamCollector collector = new StreamCollector(in);
            collector.start();
            return collector;
        }

        @Override
        public void run() {
            try (in) {
                in.transferTo(bytes);
            } catch (IOException ignored) {
                // the process was killed; what was read so far is all there is
            }
        }

        String text() {
            try {
                join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
