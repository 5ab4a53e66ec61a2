package dev.banger.plugins.image.rootfs;

import java.io.IOException;
import java.io.InputStream;

/** One layer as an uncompressed tar stream, opened when its turn comes (never buffered in memory). */
public interface LayerSupplier {
    /** How messages name the layer, e.g. its digest. */
    String name();

    /** A fresh stream of the uncompressed tar; the flattener closes it. */
    InputStream open() throws IOException;

    static LayerSupplier of(String name, IoSupplier opener) {
        return new LayerSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() throws IOException {
                return opener.open();
            }
        };
    }

    @FunctionalInterface
    interface IoSupplier {
        InputStream open() throws IOException;
    }
}
