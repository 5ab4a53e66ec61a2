package dev.banger.plugins.image.rootfs;

/** The kinds of inode a root filesystem holds, with their st_mode type bits. */
public enum NodeType {
    FILE(0100000), DIRECTORY(040000), SYMLINK(0120000), CHAR_DEVICE(020000), BLOCK_DEVICE(060000), FIFO(010000);

    private final int modeBits;

    NodeType(int modeBits) {
        this.modeBits = modeBits;
    }

    /** The S_IFMT bits of this type, e.g. 0100000 for a regular file. */
    public int modeBits() {
        return modeBits;
    }

    /** Devices and fifos: a non-root process cannot create them, so they exist only in metadata until mkfs. */
    public boolean isSpecial() {
        return this == CHAR_DEVICE || this == BLOCK_DEVICE || this == FIFO;
    }

    public static NodeType fromModeBits(int mode) {
        for (NodeType t : values()) {
            if ((mode & 0170000) == t.modeBits) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown file type in mode " + Integer.toOctalString(mode));
    }
}
