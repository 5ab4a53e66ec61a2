package dev.banger.plugins.image.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs fixture tools (skopeo, htpasswd, openssl) with argv lists, failing loudly with their stderr. */
public final class Commands {
    private Commands() {
    }

    public static boolean available(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code argv}, returns stdout; throws with stdout+stderr on a non-zero exit or after two minutes. */
    public static String run(List<String> argv) throws IOException {
        Path output = Files.createTempFile("banger-cmd", ".out");
        Path errors = Files.createTempFile("banger-cmd", ".err");
        try {
            Process process = new ProcessBuilder(argv).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(argv + " timed out");
            }
            String stdout = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(argv + " exited " + process.exitValue() + ": " + stdout + Files.readString(errors));
            }
            return stdout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + argv, e);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
