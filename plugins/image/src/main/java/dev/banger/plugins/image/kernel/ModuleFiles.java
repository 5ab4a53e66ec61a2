package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.process.HostCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The files of one {@code lib/modules/<version>} tree, uncompressed on demand: busybox's insmod loads
 * only plain {@code .ko} files, and the ELF reader needs them plain too. {@code .ko.gz} is inflated in
 * Java; {@code .ko.xz} and {@code .ko.zst} go through the {@code xz} / {@code zstd} tools (commons-compress
 * would need extra libraries for them). Uncompressed copies land in a scratch directory.
 */
final class ModuleFiles {
    private static final Duration DECOMPRESS_TIMEOUT = Duration.ofMinutes(1);

    private final Path root;
    private final Path scratch;

    ModuleFiles(Path root, Path scratch) {
        this.root = root;
        this.scratch = scratch;
    }

    Path root() {
        return root;
    }

    /** "kernel/a/b.ko.xz" → "kernel/a/b.ko": where the module sits in the initramfs. */
    static String plainName(String relativePath) {
        for (String suffix : List.of(".xz", ".zst", ".gz")) {
            if (relativePath.endsWith(".ko" + suffix)) {
                return relativePath.substring(0, relativePath.length() - suffix.length());
            }
        }
        return relativePath;
    }

    /** An uncompressed file for the module at {@code relativePath}. */
    Path plain(String relativePath) throws IOException {
        Path shipped = root.resolve(relativePath);
        if (plainName(relativePath).equals(relativePath)) {
            return shipped;
        }
        Path target = scratch.resolve(plainName(relativePath));
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            decompress(shipped, target);
        }
        return target;
    }

    private static void decompress(Path shipped, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        String name = shipped.getFileName().toString();
        if (name.endsWith(".gz")) {
            try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(shipped))) {
                Files.copy(in, partial);
            }
        } else {
            String tool = name.endsWith(".xz") ? "xz" : "zstd";
            HostCommand.of(List.of(tool, "-d", "-q", "-c", shipped.toString())).timeout(DECOMPRESS_TIMEOUT)
                    .stdoutTo(partial).purpose("decompress kernel module " + name).run();
        }
        Files.move(partial, target);
    }
}
