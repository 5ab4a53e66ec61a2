package dev.banger.plugins.image.rootfs;

/**
 * How far one layer may expand when it is decompressed, against decompression bombs: at most
 * {@code maxRatio} times its stored (compressed) size, but never less than {@code ratioFloorBytes}
 * (small layers of zeros legitimately compress a thousandfold), and never more than
 * {@code maxBytes} in all. A layer whose stored size is unknown (a directory streamed as tar) gets
 * only the absolute limit.
 */
public record ExpansionLimit(long maxBytes, long maxRatio, long ratioFloorBytes) {
    private static final long GIB = 1L << 30;

    /** 100× the stored size above 256 MiB, 32 GiB in all: real layers stay far below (gzip of real files is 2-10×). */
    public static ExpansionLimit defaults() {
        return new ExpansionLimit(32 * GIB, 100, 256L << 20);
    }

    /** The uncompressed tar bytes allowed for a layer stored in {@code storedBytes} (-1: unknown). */
    public long allowedFor(long storedBytes) {
        if (storedBytes <= 0) {
            return maxBytes;
        }
        long byRatio = storedBytes > Long.MAX_VALUE / maxRatio ? Long.MAX_VALUE : storedBytes * maxRatio;
        return Math.min(maxBytes, Math.max(ratioFloorBytes, byRatio));
    }

    /** The rule in words, for the refusal message. */
    public String describe() {
        return maxRatio + "× the stored size (at least " + ratioFloorBytes + " bytes) and " + maxBytes + " bytes per layer";
    }
}
