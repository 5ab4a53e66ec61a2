package dev.banger.plugins.vm.disk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Gives a Firecracker VM its own writable rootfs. Firecracker attaches disks as raw images and has no
 * copy-on-write format (no qcow2 backing files), so instead of the qemu backend's qcow2 overlay each
 * VM gets a copy of the raw base image: {@code cp --reflink=auto --sparse=always}, which shares blocks
 * on reflink filesystems (btrfs, xfs) and otherwise writes a sparse file that costs only the data.
 */
public final class RawDiskCloner {
    private static final byte[] QCOW_MAGIC = {'Q', 'F', 'I', (byte) 0xfb};

    public void cloneTo(Path base, Path target) throws IOException, InterruptedException {
        if (isQcow2(base)) {
            // attached as raw, a qcow2 file boots to garbage: refuse it here with a message that says why
            throw new IOException(base + " is a qcow2 image; firecracker needs a raw disk image");
        }
        if (Files.exists(target)) {
            throw new IOException(target + " already exists; refusing to overwrite a VM disk");
        }
        Process cp = new ProcessBuilder("cp", "--reflink=auto", "--sparse=always", "--", base.toString(), target.toString())
                .redirectErrorStream(true).start();
        String output = new String(cp.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!cp.waitFor(10, TimeUnit.MINUTES) || cp.exitValue() != 0) {
            cp.destroyForcibly();
            Files.deleteIfExists(target);
            throw new IOException("copying " + base + " to " + target + " failed: " + output);
        }
    }

    static boolean isQcow2(Path image) throws IOException {
        try (InputStream in = Files.newInputStream(image)) {
            return Arrays.equals(in.readNBytes(QCOW_MAGIC.length), QCOW_MAGIC);
        }
    }
}
