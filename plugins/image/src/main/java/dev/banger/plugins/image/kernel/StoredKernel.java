package dev.banger.plugins.image.kernel;

import dev.banger.plugins.image.api.KernelSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A kernel as it sits in the store: its record and where its files are. */
public record StoredKernel(KernelRecord record, Path dir) {
    static final String VMLINUZ = "vmlinuz";
    static final String INITRD = "initrd.img";
    static final String MODULES = "modules";
    static final String METADATA = "kernel.json";

    public KernelSummary summary() {
        return new KernelSummary(record.name(), record.version(), record.source(), vmlinuz().toString(),
                initrd().map(Path::toString).orElse(null), record.createdAt());
    }

    public Path vmlinuz() {
        return dir.resolve(VMLINUZ);
    }

    public Optional<Path> initrd() {
        return Optional.of(dir.resolve(INITRD)).filter(Files::isRegularFile);
    }

    /** The {@code lib/modules/<version>} tree, when the kernel came with one. */
    public Optional<Path> modules() {
        return Optional.of(dir.resolve(MODULES)).filter(Files::isDirectory);
    }
}
