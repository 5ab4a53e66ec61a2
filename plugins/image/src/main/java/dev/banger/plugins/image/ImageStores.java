package dev.banger.plugins.image;

import dev.banger.plugins.image.store.ImageStoreHolder;

/** Both families of this plugin share one database connection. */
final class ImageStores {
    static final ImageStoreHolder SHARED = new ImageStoreHolder();

    private ImageStores() {
    }
}
