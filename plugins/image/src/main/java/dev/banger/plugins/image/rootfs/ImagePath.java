package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.wire.RpcException;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths inside the image, always written absolute and normalised ("/", "/usr/bin/sh"). Tar names are
 * checked here: an absolute name or a ".." component is a tar-slip attempt and is refused.
 */
public final class ImagePath {
    public static final String ROOT = "/";

    private ImagePath() {
    }

    /** Normalises a tar member name, refusing names that try to leave the root. */
    public static String fromTarName(String raw, String what) {
        if (raw.startsWith("/")) {
            throw RpcException.badRequest(what + ": absolute path '" + raw + "' is not allowed in a layer");
        }
        return fromComponents(raw, what);
    }

    /** Normalises an absolute image path written by banger itself. */
    public static String of(String absolute) {
        return fromComponents(absolute, absolute);
    }

    private static String fromComponents(String raw, String what) {
        if (raw.indexOf('\n') >= 0 || raw.indexOf('\0') >= 0) {
            // debugfs scripts are line based; such a name could not be fixed up safely
            throw RpcException.badRequest(what + ": path contains a newline or NUL");
        }
        StringBuilder out = new StringBuilder();
        for (String part : raw.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw RpcException.badRequest(what + ": path '" + raw + "' contains '..'");
            }
            out.append('/').append(part);
        }
        return out.length() == 0 ? ROOT : out.toString();
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? ROOT : path.substring(0, slash);
    }

    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static String child(String dir, String name) {
        return dir.equals(ROOT) ? "/" + name : dir + "/" + name;
    }

    public static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** True for the path itself and everything below it. */
    public static boolean isAtOrBelow(String path, String dir) {
        return path.equals(dir) || dir.equals(ROOT) || path.startsWith(dir + "/");
    }
}
