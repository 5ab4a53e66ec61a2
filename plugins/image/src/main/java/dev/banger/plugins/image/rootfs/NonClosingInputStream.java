package dev.banger.plugins.image.rootfs;

import java.io.FilterInputStream;
import java.io.InputStream;

/** Lets Files.copy read one tar entry without closing the whole layer stream. */
final class NonClosingInputStream extends FilterInputStream {
    NonClosingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public void close() {
        // the layer's stream belongs to the caller
    }
}
