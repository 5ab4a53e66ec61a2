package dev.banger.kernel.api.files;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A full disk, said plainly: which directory, how much is free there, how much the work needs. A
 * bare "No space left on device" (from a write, SQLite or a host tool such as mke2fs) names neither
 * the directory nor the amount, and the operator has to guess what to delete.
 */
public final class DiskSpace {
    private DiskSpace() {
    }

    /** Refuses up front, before anything is written, when {@code dir}'s file system has less than {@code bytes} free. */
    public static void require(Path dir, long bytes, String what) {
        long free = free(dir);
        if (free >= 0 && free < bytes) {
            throw error(dir, what, bytes);
        }
    }

    /** Whether {@code t} (or a cause) is the file system running out of space or quota. */
    public static boolean exhausted(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("no space left on device") || m.contains("disk quota exceeded") || m.contains("database or disk is full")
                    || m.contains("sqlite_full")) {
                return true;
            }
        }
        return false;
    }

    /** The no_space error for {@code dir}; {@code neededBytes} below zero when the need is unknown. */
    public static RpcException error(Path dir, String what, long neededBytes) {
        Path shown = existing(dir);
        String free = human(Math.max(free(shown), 0));
        String detail = neededBytes >= 0
                ? ": " + what + " needs about " + human(neededBytes) + " and only " + free + " is free there"
                : " while " + what + "; only " + free + " is free there";
        return new RpcException(ErrorCode.NO_SPACE, "no space left on the file system of " + shown + detail
                + "; free some space (or `banger image cache prune`) and try again");
    }

    /** Usable bytes on {@code dir}'s file system (its nearest existing parent), or -1 when that cannot be read. */
    public static long free(Path dir) {
        try {
            return Files.getFileStore(existing(dir)).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    private static Path existing(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir : p;
    }

    static String human(long bytes) {
        return dev.banger.kernel.api.cli.Sizes.human(bytes);
    }
}
