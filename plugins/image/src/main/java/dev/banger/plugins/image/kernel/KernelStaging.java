package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One kernel being assembled under {@code <root>/.staging-<random>}: {@link #content()} becomes the
 * kernel directory, {@link #work()} is scratch space on the same file system (downloads, extracted
 * packages) so finished files can be moved into place instead of copied. {@link #close()} removes
 * whatever was not committed, so failures and cancels leave nothing behind.
 */
public final class KernelStaging implements AutoCloseable {
    private final KernelStore store;
    private final Path dir;

    KernelStaging(KernelStore store, Path dir) {
        this.store = store;
        this.dir = dir;
    }

    /** Put {@code vmlinuz}, optionally {@code initrd.img} and {@code modules/}, here. */
    public Path content() throws IOException {
        return Files.createDirectories(dir.resolve("kernel"));
    }

    public Path work() throws IOException {
        return Files.createDirectories(dir.resolve("work"));
    }

    /** Hashes the staged files, writes kernel.json and renames the content directory to its name. */
    public StoredKernel commit(String name, String version, String source, boolean force) throws IOException {
        Path content = content();
        Path initrd = content.resolve(StoredKernel.INITRD);
        KernelRecord record = new KernelRecord(KernelName.validate(name), version, source,
                Sha256.of(content.resolve(StoredKernel.VMLINUZ)),
                Files.isRegularFile(initrd) ? Sha256.of(initrd) : null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        KernelStore.writeRecord(content, record);
        return store.publish(content, record, force);
    }

    @Override
    public void close() throws IOException {
        FileTrees.deleteRecursively(dir);
    }
}
