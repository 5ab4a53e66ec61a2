package dev.banger.plugins.vm.lifecycle;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Why a VMM ended when nobody asked it to: the guest's kernel prints "reboot: Power down" (or
 * "Restarting system", which exits too under -no-reboot) as its last words on a clean poweroff; a
 * VMM killed or crashed under a running guest leaves no such line. Read from the console log's tail.
 */
final class VmmExit {
    private static final int TAIL = 64 * 1024;

    private VmmExit() {
    }

    /** Null when the guest powered off by itself (a plain stop), else what to record as the VM's last error. */
    static String unexpected(String vmName, long pid, Path consoleLog) {
        String tail = tail(consoleLog);
        if (tail.contains("reboot: Power down") || tail.contains("reboot: Restarting system") || tail.contains("reboot: System halted")) {
            return null;
        }
        return "the VMM (pid " + pid + ") exited while the guest was running, without the guest powering off: it was killed"
                + " or crashed; the disks are intact, `banger vm start " + vmName + "` boots it again (`banger vm logs " + vmName
                + "` shows the console up to the end)";
    }

    private static String tail(Path log) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL);
            byte[] b = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(b);
            return new String(b, StandardCharsets.ISO_8859_1);
        } catch (IOException noLog) {
            return "";
        }
    }
}
