package dev.banger.kernel.api.process;

import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a host tool with a fixed argv (never a shell), a time limit and cancellation, collecting its
 * output. A non-zero exit becomes operation_failed naming the tool and quoting (the end of) its
 * stderr, which is what a user needs to act. The one way banger's plugins drive host tools
 * (qemu-img, mkfs, debugfs, apt-get, dpkg-deb, ssh-keygen, ...): a cancel or the time limit kills the
 * tool and its children, so a cancelled operation leaves no tool running.
 */
public final class HostCommand {
    private static final int STDERR_TAIL = 4000;

    public record Result(int exitCode, String stdout, String stderr) {
    }

    private final List<String> argv;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Duration timeout = Duration.ofMinutes(5);
    private BooleanSupplier cancelled = () -> false;
    private String purpose;
    private Path directory;
    private Path stdin;
    private Path stdout;

    private HostCommand(List<String> argv) {
        this.argv = List.copyOf(argv);
    }

    public static HostCommand of(String... argv) {
        return new HostCommand(List.of(argv));
    }

    public static HostCommand of(List<String> argv) {
        return new HostCommand(argv);
    }

    public HostCommand timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    public HostCommand cancelledWhen(BooleanSupplier flag) {
        this.cancelled = flag;
        return this;
    }

    /** Stops the tool when the operation is cancelled; {@code progress} may be null (nothing to cancel from). */
    public HostCommand cancelledBy(OperationProgress progress) {
        return progress == null ? this : cancelledWhen(progress::cancelled);
    }

    /** What the user asked for, for the error message: "Tried to {purpose} but `…` exited with 1: …". */
    public HostCommand purpose(String what) {
        this.purpose = what;
        return this;
    }

    public HostCommand directory(Path dir) {
        this.directory = dir;
        return this;
    }

    public HostCommand stdinFrom(Path file) {
        this.stdin = file;
        return this;
    }

    /** Binary or large output goes to a file instead of being collected as text. */
    public HostCommand stdoutTo(Path file) {
        this.stdout = file;
        return this;
    }

    public HostCommand env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs and requires exit 0. */
    public Result run() {
        Result r = runAllowingFailure();
        if (r.exitCode() != 0) {
            throw failure("exited with " + r.exitCode(), r.stderr().isBlank() ? r.stdout() : r.stderr());
        }
        return r;
    }

    /** An operation_failed in this command's words, for callers that judge the output themselves. */
    public RpcException failure(String how, String output) {
        String text = output.strip();
        if (text.length() > STDERR_TAIL) {
            text = "…" + text.substring(text.length() - STDERR_TAIL);
        }
        String what = purpose == null ? Path.of(argv.get(0)).getFileName() + " failed (" + how + ")"
                : "Tried to " + purpose + " but `" + String.join(" ", argv) + "` " + how;
        return new RpcException(ErrorCode.OPERATION_FAILED, what + ": " + text);
    }

    public Result runAllowingFailure() {
        Process p = start();
        CompletableFuture<String> out = stdout == null ? drain(p.getInputStream()) : CompletableFuture.completedFuture("");
        CompletableFuture<String> err = drain(p.getErrorStream());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    stop(p);
                    throw new RpcException(ErrorCode.CANCELLED, argv.get(0) + " was cancelled");
                }
                if (System.nanoTime() > deadline) {
                    stop(p);
                    throw failure("did not finish within " + timeout.toSeconds() + " s", "");
                }
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(p);
            throw new RpcException(ErrorCode.CANCELLED, argv.get(0) + " was interrupted");
        }
    }

    private Process start() {
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(stdin != null ? stdin.toFile() : new File("/dev/null")));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        if (stdout != null) {
            builder.redirectOutput(stdout.toFile());
        }
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            String what = purpose == null ? "" : "Tried to " + purpose + " but ";
            throw new RpcException(ErrorCode.OPERATION_FAILED, what + argv.get(0) + " could not be started (is it installed?): " + e.getMessage(), e);
        }
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        // each pipe drained on its own thread, so a chatty tool never blocks on a full pipe
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                return buf.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> {
            Thread t = new Thread(r, "host-command-output");
            t.setDaemon(true);
            t.start();
        });
    }
}
