package dev.banger.plugins.image.oci;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * zstd decompression through the {@code zstd -dc} process (no JNI library in the plugin), streamed
 * from its stdout. A failing zstd surfaces as an IOException with its stderr when the stream ends or
 * is closed; closing early kills the process.
 */
final class ZstdProcessStream extends FilterInputStream {
    private static final int STDERR_LIMIT = 8 * 1024;
    private final Process process;
    private final Thread stderrDrain;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private boolean checked;

    private ZstdProcessStream(Process process) {
        super(process.getInputStream());
        this.process = process;
        this.stderrDrain = new Thread(this::drainStderr, "zstd-stderr-" + process.pid());
        this.stderrDrain.setDaemon(true);
        this.stderrDrain.start();
    }

    static InputStream decompress(Path blob) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("zstd", "-dc", "--", blob.toString());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new ZstdProcessStream(process);
        } catch (IOException e) {
            throw new IOException("cannot run zstd to decompress " + blob + " (is the zstd package installed?): " + e.getMessage(), e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            checkExit();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            checkExit();
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                checked = true; // closed early on purpose: the exit status is ours, not an error
            }
            checkExit();
        }
    }

    private void checkExit() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("zstd did not exit after its output ended");
            }
            stderrDrain.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for zstd", e);
        }
        if (process.exitValue() != 0) {
            String message;
            synchronized (stderr) {
                message = stderr.toString(StandardCharsets.UTF_8).strip();
            }
            throw new IOException("zstd -dc failed (exit " + process.exitValue() + "): " + message);
        }
    }

    private void drainStderr() {
        byte[] buffer = new byte[1024];
        try (InputStream err = process.getErrorStream()) {
            for (int n; (n = err.read(buffer)) > 0; ) {
                synchronized (stderr) {
                    if (stderr.size() < STDERR_LIMIT) {
                        stderr.write(buffer, 0, Math.min(n, STDERR_LIMIT - stderr.size()));
                    }
                }
            }
        } catch (IOException ignored) {
            // the process went away; its exit status tells the story
        }
    }
}
