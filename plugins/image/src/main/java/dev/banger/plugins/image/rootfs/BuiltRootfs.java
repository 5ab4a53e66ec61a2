package dev.banger.plugins.image.rootfs;

import java.nio.file.Path;

/**
 * A finished root filesystem image.
 *
 * @param path         the ext4 image
 * @param sizeBytes    its apparent size (the file is sparse)
 * @param contentBytes what the content needs (file data in 4 KiB blocks, directories, long symlinks)
 * @param features     what the guest has and which init to boot
 */
public record BuiltRootfs(Path path, long sizeBytes, long contentBytes, GuestFeatures features) {
}
