package dev.banger.plugins.image.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Guest kernels on disk: {@code <root>/<name>/{vmlinuz, initrd.img, modules/, kernel.json}}.
 *
 * <p>Nothing is ever written in place. New kernels are assembled in {@code <root>/.staging-<random>}
 * (see {@link #newStaging()}) and appear under their name by one atomic rename, and deleted kernels
 * disappear by one rename before their files are removed. So a crash or a cancel can only leave
 * {@code .staging-*} directories behind, which {@link #cleanupStaging()} removes at plugin start.
 */
public final class KernelStore {
    static final String STAGING_PREFIX = ".staging-";
    private static final ObjectMapper JSON = Json.mapper();

    private final Path root;

    public KernelStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** All complete kernels, by name. Directories without a readable kernel.json are not kernels. */
    public List<StoredKernel> list() {
        List<StoredKernel> kernels = new ArrayList<>();
        for (Path dir : children()) {
            String name = dir.getFileName().toString();
            if (!name.startsWith(".") && Files.isRegularFile(dir.resolve(StoredKernel.METADATA))) {
                kernels.add(read(dir));
            }
        }
        kernels.sort(Comparator.comparing(k -> k.record().name()));
        return kernels;
    }

    public StoredKernel show(String name) {
        Path dir = root.resolve(KernelName.validate(name));
        if (!Files.isRegularFile(dir.resolve(StoredKernel.METADATA))) {
            throw RpcException.notFound("kernel '" + name + "' does not exist (kernel.list shows the stored kernels)");
        }
        return read(dir);
    }

    public boolean exists(String name) {
        return Files.isDirectory(root.resolve(KernelName.validate(name)));
    }

    public void delete(String name) {
        Path dir = root.resolve(KernelName.validate(name));
        if (!Files.isDirectory(dir)) {
            throw RpcException.notFound("kernel '" + name + "' does not exist (kernel.list shows the stored kernels)");
        }
        try {
            Path aside = newStagingPath();
            Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.deleteRecursively(aside);
        } catch (IOException e) {
            throw failed("Tried to delete kernel '" + name + "' but the file system refused", e);
        }
    }

    /** Removes what interrupted pulls, imports and deletes left behind; returns how many were removed. */
    public int cleanupStaging() {
        int removed = 0;
        for (Path dir : children()) {
            if (dir.getFileName().toString().startsWith(STAGING_PREFIX)) {
                try {
                    FileTrees.deleteRecursively(dir);
                    removed++;
                } catch (IOException e) {
                    throw failed("Tried to remove the leftover staging directory " + dir + " but could not", e);
                }
            }
        }
        return removed;
    }

    /** A fresh staging directory under the root; close it to discard, or commit it to publish. */
    public KernelStaging newStaging() {
        try {
            Files.createDirectories(root);
            return new KernelStaging(this, Files.createDirectory(newStagingPath()));
        } catch (IOException e) {
            throw failed("Tried to create a staging directory under " + root + " but could not", e);
        }
    }

    /** Makes a staged kernel directory (with its kernel.json already written) visible under its name. */
    synchronized StoredKernel publish(Path staged, KernelRecord record, boolean force) throws IOException {
        Path target = root.resolve(KernelName.validate(record.name()));
        if (Files.exists(target)) {
            if (!force) {
                throw alreadyExists(record.name());
            }
            Path aside = newStagingPath();
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.deleteRecursively(aside);
        }
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            if (Files.exists(target)) {
                throw alreadyExists(record.name()); // another process published the same name in between
            }
            throw e;
        }
        return new StoredKernel(record, target);
    }

    static void writeRecord(Path dir, KernelRecord record) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(StoredKernel.METADATA).toFile(), record);
    }

    private StoredKernel read(Path dir) {
        try {
            return new StoredKernel(JSON.readValue(dir.resolve(StoredKernel.METADATA).toFile(), KernelRecord.class), dir);
        } catch (IOException e) {
            throw failed("Tried to read " + dir.resolve(StoredKernel.METADATA) + " but it is unreadable", e);
        }
    }

    private List<Path> children() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            entries.forEach(children::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return children;
    }

    private Path newStagingPath() {
        return root.resolve(STAGING_PREFIX + UUID.randomUUID());
    }

    static RpcException alreadyExists(String name) {
        return new RpcException(ErrorCode.ALREADY_EXISTS,
                "kernel '" + name + "' already exists; delete it first or pass force to replace it");
    }

    static RpcException failed(String message, IOException cause) {
        return new RpcException(ErrorCode.OPERATION_FAILED, message + ": " + cause, cause);
    }
}
