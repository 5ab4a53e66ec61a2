package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.wire.RpcException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the uncompressed bytes of one layer as the flattener reads them and stops at the first byte
 * past its {@link ExpansionLimit}, with a bad_request naming the layer: a decompression bomb is
 * refused after at most the allowed bytes, never inflated to the end.
 */
final class ExpansionGuard extends FilterInputStream {
    private final long allowed;
    private final long storedBytes;
    private final ExpansionLimit limit;
    private final String layerName;
    private long seen;

    ExpansionGuard(InputStream in, ExpansionLimit limit, long storedBytes, String layerName) {
        super(in);
        this.limit = limit;
        this.storedBytes = storedBytes;
        this.allowed = limit.allowedFor(storedBytes);
        this.layerName = layerName;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        seen += n;
        if (seen > allowed) {
            throw RpcException.badRequest(layerName + " expands to more than " + allowed + " bytes"
                    + (storedBytes > 0 ? " from " + storedBytes + " stored bytes" : "")
                    + ": refused as a decompression bomb (a layer may expand to " + limit.describe() + ")");
        }
    }
}
