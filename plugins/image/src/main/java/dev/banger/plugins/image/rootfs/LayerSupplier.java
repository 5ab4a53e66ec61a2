package dev.banger.plugins.image.rootfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** One layer as an uncompressed tar stream, opened when its turn comes (never buffered in memory). */
public interface LayerSupplier {
    /** How messages name the layer, e.g. its digest. */
    String name();

    /** A fresh stream of the uncompressed tar; the flattener closes it. */
    InputStream open() throws IOException;

    /** The layer's size as stored (compressed), for the expansion limit; -1 when unknown. */
    default long storedBytes() {
        return -1;
    }

    static LayerSupplier of(String name, IoSupplier opener) {
        return of(name, null, opener);
    }

    /** A layer stored in {@code stored} (its size bounds how far it may expand), opened by {@code opener}. */
    static LayerSupplier of(String name, Path stored, IoSupplier opener) {
        return new LayerSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() throws IOException {
                return opener.open();
            }

            @Override
            public long storedBytes() {
                try {
                    return stored == null ? -1 : Files.size(stored);
                } catch (IOException e) {
                    return -1;
                }
            }
        };
    }

    @FunctionalInterface
    interface IoSupplier {
        InputStream open() throws IOException;
    }
}
