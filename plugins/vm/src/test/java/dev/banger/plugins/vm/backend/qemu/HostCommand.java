package dev.banger.plugins.vm.backend.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs one host program (an argv, never a shell) for test set-up, bounded in time. */
record HostCommand(Path workDir, List<String> argv) {
    static HostCommand in(Path workDir, String... argv) {
        return new HostCommand(workDir, List.of(argv));
    }

    /** Output (stdout and stderr together); a failure throws with that output. */
    String run() throws IOException, InterruptedException {
        return run(null);
    }

    /** Like {@link #run()}, writing {@code stdin} to the program's standard input first. */
    String run(byte[] stdin) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).directory(workDir.toFile()).redirectErrorStream(true).start();
        if (stdin != null) {
            process.getOutputStream().write(stdin);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(argv + " did not finish within 120 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(argv + " failed (exit " + process.exitValue() + "): " + output);
        }
        return output;
    }

    /** The host tool must exist, or the test that needs it is skipped, saying which tool. */
    static Path require(String tool, String hint) {
        var found = ExecutableSearch.ofThisProcess().find(tool);
        Assumptions.assumeTrue(found.isPresent(), tool + " is not installed on this host (" + hint + ")");
        return found.get();
    }
}
