package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.files.FileTrees;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a batch of debugfs commands in one process. debugfs exits 0 even when a command fails and only
 * says so on stderr, so any stderr line other than its version banner is treated as a failure.
 */
final class Debugfs {
    private Debugfs() {
    }

    /** Quotes an argument for debugfs's parser: inside double quotes a doubled quote is a literal one. */
    static String quote(String arg) {
        return "\"" + arg.replace("\"", "\"\"") + "\"";
    }

    /** Runs commands against the image; returns each command's raw output (bytes as ISO-8859-1 chars). */
    static List<String> run(Path image, List<String> commands, boolean writable, OperationProgress progress) {
        Path script = null;
        Path out = null;
        try {
            script = Files.createTempFile("banger-debugfs-", ".cmd");
            out = Files.createTempFile("banger-debugfs-", ".out");
            Files.write(script, commands, StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>(List.of(HostTools.find("debugfs")));
            if (writable) {
                argv.add("-w");
            }
            argv.addAll(List.of("-f", script.toString(), image.toString()));
            // no pager, and messages in a language the error filter below understands
            HostCommand debugfs = HostCommand.of(argv).stdoutTo(out).cancelledBy(progress).timeout(java.time.Duration.ofMinutes(30))
                    .env("DEBUGFS_PAGER", "__none__").env("LC_ALL", "C");
            HostCommand.Result result = debugfs.run();
            String errors = result.stderr().lines().filter(l -> !l.startsWith("debugfs ") && !l.isBlank())
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            if (!errors.isEmpty()) {
                throw debugfs.failure("on " + image.getFileName(), errors);
            }
            return split(new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1), commands);
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "debugfs on " + image + ": " + e.getMessage(), e);
        } finally {
            for (Path p : new Path[] {script, out}) {
                if (p != null) {
                    FileTrees.deleteQuietly(p);
                }
            }
        }
    }

    /** debugfs echoes "debugfs: COMMAND" before each command's output; known commands make a safe split. */
    private static List<String> split(String output, List<String> commands) {
        List<String> sections = new ArrayList<>(commands.size());
        int pos = 0;
        String[] echoes = commands.stream().map(c -> latin1("debugfs: " + c + "\n")).toArray(String[]::new);
        for (int i = 0; i < echoes.length; i++) {
            int start = output.indexOf(echoes[i], pos);
            if (start < 0) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "debugfs output is missing the echo of: " + commands.get(i));
            }
            start += echoes[i].length();
            int end = i + 1 < echoes.length ? output.indexOf(echoes[i + 1], start) : output.length();
            sections.add(output.substring(start, end < 0 ? output.length() : end));
            pos = start;
        }
        return sections;
    }

    static String latin1(String utf8Text) {
        return new String(utf8Text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String utf8(String latin1Text) {
        return new String(latin1Text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
