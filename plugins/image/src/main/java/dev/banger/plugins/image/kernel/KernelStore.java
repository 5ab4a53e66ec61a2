package dev.banger.plugins.image.kernel;

import dev.banger.plugins.image.files.StagingArea;
import dev.banger.kernel.api.files.FileTrees;
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
    private static final ObjectMapper JSON = Json.mapper();

    private final StagingArea area;

    public KernelStore(Path root) {
        this.area = new StagingArea(root);
    }

    public Path root() {
        return area.root();
    }

    /** All complete kernels, by name. Directories without a readable kernel.json are not kernels. */
    public List<StoredKernel> list() {
        List<StoredKernel> kernels = new ArrayList<>();
        for (Path dir : area.entries()) {
            if (Files.isRegularFile(dir.resolve(StoredKernel.METADATA))) {
                kernels.add(read(dir));
            }
        }
        kernels.sort(Comparator.comparing(k -> k.record().name()));
        return kernels;
    }

    public StoredKernel show(String name) {
        Path dir = area.entry(KernelName.validate(name));
        if (!Files.isRegularFile(dir.resolve(StoredKernel.METADATA))) {
            throw notFound(name);
        }
        return read(dir);
    }

    public boolean exists(String name) {
        return Files.isDirectory(area.entry(KernelName.validate(name)));
    }

    public void delete(String name) {
        try {
            if (!area.remove(KernelName.validate(name))) {
                throw notFound(name);
            }
        } catch (IOException e) {
            throw failed("Tried to delete kernel '" + name + "' but the file system refused", e);
        }
    }

    /** Removes what interrupted pulls, imports and deletes left behind; returns how many were removed. */
    public int cleanupStaging() {
        try {
            return area.cleanup();
        } catch (IOException e) {
            throw failed("Tried to remove leftover staging directories under " + area.root() + " but could not", e);
        }
    }

    /** A fresh staging directory under the root; close it to discard, or commit it to publish. */
    public KernelStaging newStaging() {
        try {
            return new KernelStaging(this, area.newStaging());
        } catch (IOException e) {
            throw failed("Tried to create a staging directory under " + area.root() + " but could not", e);
        }
    }

    /** Makes a staged kernel directory (with its kernel.json already written) visible under its name. */
    StoredKernel publish(Path staged, KernelRecord record, boolean force) throws IOException {
        String name = KernelName.validate(record.name());
        if (!area.publish(staged, name, force)) {
            throw alreadyExists(name);
        }
        return new StoredKernel(record, area.entry(name));
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

    private static RpcException notFound(String name) {
        return RpcException.notFound("kernel '" + name + "' does not exist (kernel.list shows the stored kernels)");
    }

    static RpcException alreadyExists(String name) {
        return new RpcException(ErrorCode.ALREADY_EXISTS,
                "kernel '" + name + "' already exists; delete it first or pass force to replace it");
    }

    static RpcException failed(String message, IOException cause) {
        return new RpcException(ErrorCode.OPERATION_FAILED, message + ": " + cause, cause);
    }
}
