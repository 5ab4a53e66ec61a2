package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds e2fsprogs binaries. They live in /usr/sbin or /sbin, which an ordinary user's PATH (bangerd's)
 * often lacks, so those are searched after PATH.
 */
public final class HostTools {
    private HostTools() {
    }

    public static String find(String tool) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        for (String dir : dirs) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate.toString();
            }
        }
        throw new RpcException(ErrorCode.OPERATION_FAILED,
                tool + " was not found in PATH, /usr/sbin or /sbin: install e2fsprogs to build root filesystems");
    }
}
