package dev.banger.plugins.image.rootfs;

/**
 * One path of an ext4 image as debugfs sees it. {@code permissions} holds the 12 permission bits
 * (setuid/setgid/sticky included); {@code symlinkTarget} is null unless a symlink; device numbers are 0
 * unless a device; {@code size} is what stat reports (a directory's block size, a symlink's target length).
 */
public record Ext4Entry(String path, long inode, NodeType type, int uid, int gid, int permissions, long size,
                        String symlinkTarget, int devMajor, int devMinor, int linkCount) {
    public int fullMode() {
        return type.modeBits() | permissions;
    }
}
