package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.files.FileTrees;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external tool with a fixed argv (never a shell). Output goes to files, so a chatty tool can't
 * fill a pipe and stall; a cancelled operation kills the tool.
 */
final class ToolRunner {
    private static final int STDERR_LIMIT = 4000;

    private ToolRunner() {
    }

    /** Exit code and stderr of a finished run; stdout went to {@code stdout} (or was discarded). */
    record Result(int exitCode, String stderr) {
    }

    static Result run(List<String> argv, Path stdin, Path stdout, OperationProgress progress) {
        Path stderrFile = null;
        Process process = null;
        try {
            stderrFile = Files.createTempFile("banger-tool-", ".err");
            ProcessBuilder builder = new ProcessBuilder(argv).redirectError(stderrFile.toFile());
            builder.environment().put("DEBUGFS_PAGER", "__none__");
            builder.environment().put("LC_ALL", "C");
            builder.redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile()) : ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.redirectOutput(stdout != null ? ProcessBuilder.Redirect.to(stdout.toFile()) : ProcessBuilder.Redirect.DISCARD);
            process = builder.start();
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (progress != null && progress.cancelled()) {
                    process.destroyForcibly().waitFor();
                    progress.checkCancelled();
                }
            }
            return new Result(process.exitValue(), Files.readString(stderrFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "Could not run " + argv.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(ErrorCode.CANCELLED, argv.get(0) + " was interrupted", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (stderrFile != null) {
                FileTrees.deleteQuietly(stderrFile);
            }
        }
    }

    /** Like {@link #run} but a non-zero exit is an operation_failed naming the tool and its stderr. */
    static Result runChecked(List<String> argv, Path stdin, Path stdout, OperationProgress progress) {
        Result result = run(argv, stdin, stdout, progress);
        if (result.exitCode() != 0) {
            throw failure(argv.get(0), "exit " + result.exitCode(), result.stderr());
        }
        return result;
    }

    static RpcException failure(String tool, String how, String stderr) {
        String text = stderr.strip();
        if (text.length() > STDERR_LIMIT) {
            text = text.substring(0, STDERR_LIMIT) + " …";
        }
        return new RpcException(ErrorCode.OPERATION_FAILED, Path.of(tool).getFileName() + " failed (" + how + "): " + text);
    }
}
