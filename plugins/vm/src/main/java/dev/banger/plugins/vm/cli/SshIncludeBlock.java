package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.files.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * banger's marked block in the user's {@code ~/.ssh/config}: an {@code Include} of banger's own file between
 * {@code # >>> banger >>>} and {@code # <<< banger <<<}. It goes at the very top because ssh scopes everything
 * after a {@code Host} line to that host, an Include too. Only the block's own lines are ever touched, so
 * install-then-uninstall gives back the file byte for byte.
 */
final class SshIncludeBlock {
    static final String BEGIN = "# >>> banger >>>";
    static final String END = "# <<< banger <<<";

    private SshIncludeBlock() {
    }

    static String block(Path included) {
        String path = included.toString();
        return BEGIN + "\n" + "Include " + (path.contains(" ") ? "\"" + path + "\"" : path) + "\n" + END + "\n";
    }

    /** The text with exactly one block, naming {@code included}: replaced where it was, else put first. */
    static String install(String text, Path included) {
        return block(included) + without(text);
    }

    /** The text without banger's block (unchanged when there is none). */
    static String without(String text) {
        int begin = lineStart(text, BEGIN);
        if (begin < 0) {
            return text;
        }
        int endLine = text.indexOf("\n" + END, begin);
        if (endLine < 0) {
            return text; // a begin marker with no end: someone edited it, leave their file alone
        }
        int after = text.indexOf('\n', endLine + 1 + END.length());
        int cut = after < 0 ? text.length() : after + 1;
        return without(text.substring(0, begin) + text.substring(cut));
    }

    private static int lineStart(String text, String line) {
        if (text.startsWith(line + "\n") || text.equals(line)) {
            return 0;
        }
        int i = text.indexOf("\n" + line + "\n");
        return i < 0 ? -1 : i + 1;
    }

    /** Applies install or uninstall to {@code file}; returns whether it changed. A missing file is created 0600 (ssh refuses group-writable configs). */
    static boolean apply(Path file, Path included, boolean install) throws IOException {
        String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        if (before == null && !install) {
            return false;
        }
        String after = install ? install(before == null ? "" : before, included) : without(before);
        if (after.equals(before)) {
            return false;
        }
        if (before == null) {
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        writeKeepingMode(file, after);
        return true;
    }

    /** Temp file + rename with the original's permissions, so a crash never leaves half a config. */
    private static void writeKeepingMode(Path file, String text) throws IOException {
        Path real = file.toRealPath();
        AtomicWrite.replace(real, text, Files.getPosixFilePermissions(real));
    }
}
