package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived tool (ssh-keygen, ssh-keyscan) to completion and captures what it printed. */
record ToolRun(int exitCode, String stdout, String stderr) {

    static ToolRun run(List<String> argv, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            // files instead of pipes: nothing can block on a full pipe while we wait for the exit
            out = Files.createTempFile("banger-tool-", ".out");
            err = Files.createTempFile("banger-tool-", ".err");
            Process p = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new RpcException(ErrorCode.OPERATION_FAILED,
                        argv.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new ToolRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(ErrorCode.CANCELLED, "interrupted while running " + argv.get(0), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Throws with the tool's stderr unless it exited 0. */
    ToolRun requireSuccess(String what) {
        if (exitCode != 0) {
            throw new RpcException(ErrorCode.OPERATION_FAILED,
                    what + " failed (exit " + exitCode + "): " + stderr.strip());
        }
        return this;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover empty temp file is harmless
            }
        }
    }
}
