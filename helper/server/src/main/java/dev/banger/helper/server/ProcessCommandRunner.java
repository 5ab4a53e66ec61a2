package dev.banger.helper.server;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@link CommandRunner} over ProcessBuilder. The environment is replaced with a fixed minimal one,
 * so nothing the caller of the helper's parent set (PATH, LD_PRELOAD, locale) reaches a root
 * command; output is read on separate threads so a chatty command cannot block on a full pipe.
 */
public final class ProcessCommandRunner implements CommandRunner {
    private static final long TIMEOUT_SECONDS = 30;

    @Override
    public CommandResult run(List<String> argv, String stdin) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LC_ALL", "C");
        try {
            Process p = pb.start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RpcException(ErrorCode.OPERATION_FAILED, String.join(" ", argv) + " did not finish within "
                        + TIMEOUT_SECONDS + " s");
            }
            return new CommandResult(argv, p.exitValue(), out.get(), err.get());
        } catch (IOException | ExecutionException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "could not run " + argv.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(ErrorCode.CANCELLED, String.join(" ", argv) + " was interrupted");
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
