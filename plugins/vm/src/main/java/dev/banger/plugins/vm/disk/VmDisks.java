package dev.banger.plugins.vm.disk;

import dev.banger.kernel.api.process.HostCommand;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A VM's own disks, all in its disk directory; the image's rootfs is only ever read (it is the
 * backing file of the overlay). vda = copy-on-write overlay, vdb = config disk, vdc = work disk.
 */
public final class VmDisks {
    public static final String ROOT = "root.qcow2";
    /** The root disk of a VM whose backend takes raw disks only (firecracker): a sparse/reflink copy of the base. */
    public static final String ROOT_RAW = "root.raw";
    public static final String CONFIG = "config.ext4";
    public static final String WORK = "work.ext4";

    private VmDisks() {
    }

    /**
     * The VM's writable root disk: a qcow2 overlay where the backend reads qcow2, else a raw copy of the base
     * ({@link RawDiskCloner}). Either way the shared base image is only read.
     */
    public static Path root(Path dir, Path baseImage, boolean qcow2) throws IOException, InterruptedException {
        if (qcow2) {
            return overlay(dir, baseImage);
        }
        Path out = dir.resolve(ROOT_RAW);
        new RawDiskCloner().cloneTo(baseImage, out);
        return out;
    }

    /** The root disk {@link #root} made in {@code dir}, with its format: the raw copy if there is one, else the overlay. */
    public static Disk rootOf(Path dir) {
        Path raw = dir.resolve(ROOT_RAW);
        return Files.exists(raw) ? new Disk(raw, "raw") : new Disk(dir.resolve(ROOT), "qcow2");
    }

    public record Disk(Path path, String format) {
    }

    /** qcow2 over the shared read-only base: writes land here, never in the image (14 ms, HOST-NOTES). */
    public static Path overlay(Path dir, Path baseImage) {
        Path out = dir.resolve(ROOT);
        HostCommand.of("qemu-img", "create", "-q", "-f", "qcow2", "-b", baseImage.toString(), "-F", "raw", out.toString()).run();
        return out;
    }

    /** A sparse ext4 the guest mounts on /work: its size is the VM's disk_size. */
    public static Path work(Path dir, long bytes) throws IOException {
        Path out = dir.resolve(WORK);
        try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "rw")) {
            f.setLength(bytes);
        }
        HostCommand.of("mkfs.ext4", "-q", "-F", "-L", "BANGERWORK", out.toString()).run();
        return out;
    }

    /** A small ext4 with the per-VM files (the contract is in the image's guest-setup script). */
    public static Path config(Path dir, Path contents) throws IOException {
        Path out = dir.resolve(CONFIG);
        Files.writeString(contents.resolve("banger-config"), "banger per-VM configuration\n");
        HostCommand.of("mkfs.ext4", "-q", "-F", "-L", "BANGERCFG", "-d", contents.toString(), out.toString(), "16M").run();
        return out;
    }
}
