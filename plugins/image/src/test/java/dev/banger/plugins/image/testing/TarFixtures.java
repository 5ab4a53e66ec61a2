package dev.banger.plugins.image.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Small layer tars for registry tests (the elaborate whiteout/device fixtures live elsewhere). */
public final class TarFixtures {
    private TarFixtures() {
    }

    /** A tar of regular files, path → UTF-8 content, in the given order. */
    public static byte[] tar(Map<String, String> files) {
        return tar(files, StandardCharsets.UTF_8);
    }

    private static byte[] tar(Map<String, String> files, java.nio.charset.Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(charset);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                entry.setMode(0100644);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A tar holding one file of seeded random bytes: incompressible, so the blob really is that big. */
    public static byte[] randomTar(String path, int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return tar(Map.of(path, new String(content, StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Compresses with the zstd command line tool. */
    public static byte[] zstd(byte[] data) {
        try {
            Process zstd = new ProcessBuilder("zstd", "-q", "-c").start();
            Thread feeder = new Thread(() -> {
                try (var in = zstd.getOutputStream()) {
                    in.write(data);
                } catch (IOException ignored) {
                    // zstd died; its exit code says so
                }
            });
            feeder.start();
            byte[] out = zstd.getInputStream().readAllBytes();
            feeder.join();
            if (zstd.waitFor() != 0) {
                throw new IllegalStateException("zstd failed: " + new String(zstd.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
