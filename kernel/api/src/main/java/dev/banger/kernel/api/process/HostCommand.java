package dev.banger.kernel.api.process;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a host tool with a fixed argv (never a shell), a time limit and cancellation, collecting its
 * output. A non-zero exit becomes operation_failed naming the tool and quoting its stderr, which is
 * what a user needs to act. Shared by the plugins that drive host tools (qemu-img, mkfs, ssh-keygen).
 */
public final class HostCommand {
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private final List<String> argv;
    private Duration timeout = Duration.ofMinutes(5);
    private BooleanSupplier cancelled = () -> false;

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

    /** Runs and requires exit 0. */
    public Result run() {
        Result r = runAllowingFailure();
        if (r.exitCode() != 0) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, argv.get(0) + " failed (exit " + r.exitCode() + "): "
                    + (r.stderr().isBlank() ? r.stdout().strip() : r.stderr().strip()));
        }
        return r;
    }

    public Result runAllowingFailure() {
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, argv.get(0) + " could not be started (is it installed?): " + e.getMessage(), e);
        }
        CompletableFuture<String> out = drain(p.getInputStream());
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
                    throw new RpcException(ErrorCode.OPERATION_FAILED, argv.get(0) + " did not finish within " + timeout.toSeconds() + " s");
                }
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(p);
            throw new RpcException(ErrorCode.CANCELLED, argv.get(0) + " was interrupted");
        }
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                return buf.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
