package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.wire.RpcException;
import java.util.OptionalLong;

/**
 * How big the image file is and how many inodes it gets. Default: content × 1.5, at least 1 GiB (the file
 * is sparse, so the slack costs nothing until the guest writes). An explicit size must hold the content.
 */
public record Ext4Sizing(long sizeBytes, long inodes) {
    public static final long MIN_DEFAULT_SIZE = 1L << 30;
    private static final long MIB = 1L << 20;
    /** mke2fs's default bytes-per-inode for ext4; more files than that allows need an explicit -N. */
    private static final long BYTES_PER_INODE = 16384;
    private static final long METADATA_MARGIN = 64 * MIB;

    public static Ext4Sizing of(long contentBytes, long entryCount, OptionalLong explicitSize) {
        long size;
        if (explicitSize.isPresent()) {
            size = explicitSize.getAsLong();
            long needed = contentBytes + contentBytes / 10 + METADATA_MARGIN;
            if (size < needed) {
                throw RpcException.badRequest("size: " + size + " bytes is too small for this image, whose content needs about "
                        + needed + " bytes (" + (needed + MIB - 1) / MIB + " MiB); pass a larger --size or leave it out");
            }
        } else {
            size = Math.max(contentBytes + contentBytes / 2, MIN_DEFAULT_SIZE);
        }
        size = (size + MIB - 1) / MIB * MIB;
        long inodes = Math.max(size / BYTES_PER_INODE, entryCount + entryCount / 2 + 1024);
        return new Ext4Sizing(size, inodes);
    }
}
