package dev.banger.plugins.image.rootfs;

/**
 * What one inode of the final filesystem must really be. The staging copy on disk is owned by the current
 * user with whatever mode it got, so owners, the full mode and device numbers live here. Hard links share
 * one instance, exactly as they share one inode.
 */
public final class FsNode {
    private final NodeType type;
    private int uid;
    private int gid;
    private int permissions;
    private int devMajor;
    private int devMinor;
    private long size;
    private String symlinkTarget;
    private long mtimeMillis;

    public FsNode(NodeType type, int uid, int gid, int permissions) {
        this.type = type;
        this.uid = uid;
        this.gid = gid;
        this.permissions = permissions & 07777;
    }

    public NodeType type() {
        return type;
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    /** Permission bits including setuid (04000), setgid (02000) and sticky (01000). */
    public int permissions() {
        return permissions;
    }

    /** The full st_mode, type bits included, e.g. 0104755. */
    public int fullMode() {
        return type.modeBits() | permissions;
    }

    public int devMajor() {
        return devMajor;
    }

    public int devMinor() {
        return devMinor;
    }

    public long size() {
        return size;
    }

    /** Null unless this is a symlink. */
    public String symlinkTarget() {
        return symlinkTarget;
    }

    public long mtimeMillis() {
        return mtimeMillis;
    }

    FsNode owner(int newUid, int newGid) {
        this.uid = newUid;
        this.gid = newGid;
        return this;
    }

    FsNode permissions(int newPermissions) {
        this.permissions = newPermissions & 07777;
        return this;
    }

    FsNode device(int major, int minor) {
        this.devMajor = major;
        this.devMinor = minor;
        return this;
    }

    FsNode size(long newSize) {
        this.size = newSize;
        return this;
    }

    FsNode symlinkTarget(String target) {
        this.symlinkTarget = target;
        return this;
    }

    FsNode mtimeMillis(long millis) {
        this.mtimeMillis = millis;
        return this;
    }

    /** A root-owned node for files banger itself writes into the image. */
    static FsNode rootOwned(NodeType type, int permissions) {
        return new FsNode(type, 0, 0, permissions).mtimeMillis(System.currentTimeMillis());
    }
}
