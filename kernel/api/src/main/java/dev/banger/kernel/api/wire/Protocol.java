package dev.banger.kernel.api.wire;

/** Constants of wire protocol v1 (docs/rpc.md). */
public final class Protocol {
    public static final int VERSION = 1;
    /** One JSON object per line, at most this many bytes (newline excluded). */
    public static final int MAX_LINE_BYTES = 1 << 20;
    public static final String OP_ID_PATTERN = "op-[0-9a-f]{8,64}";

    private Protocol() {
    }
}
