package dev.banger.plugins.image.kernel;

import dev.banger.plugins.image.files.EntryName;


/** Kernel names follow the same rule as image names. */
public final class KernelName {
    private KernelName() {
    }

    /** Returns the name, or throws bad_request naming {@code params.name}. */
    public static String validate(String name) {
        return EntryName.validate(name, "kernel");
    }
}
