package dev.banger.plugins.image.files;

import dev.banger.kernel.api.wire.RpcException;
import java.util.regex.Pattern;

/** Image and kernel names become directory names, so they are checked before any path is built. */
public final class EntryName {
    /** Lower case, starts with a letter or digit, at most 63 characters; excludes '/', '..' and dot files. */
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private EntryName() {
    }

    /** Returns the name, or throws bad_request naming {@code params.name}; {@code what} is "kernel" or "image". */
    public static String validate(String name, String what) {
        if (name == null || !VALID.matcher(name).matches() || name.contains("..")) {
            throw RpcException.badRequest("params.name: '" + name + "' is not a valid " + what + " name"
                    + " (use 1-63 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit, no '..')");
        }
        return name;
    }
}
