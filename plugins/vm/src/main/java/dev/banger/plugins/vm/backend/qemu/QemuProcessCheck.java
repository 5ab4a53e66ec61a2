package dev.banger.plugins.vm.backend.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Is this pid still the QEMU we launched? A pid alone is not enough: after the VM exits, the kernel
 * may hand the number to any other process, and signalling that would be a bug with teeth. The
 * process counts as ours only if {@code /proc/<pid>/cmdline} is a {@code qemu-system-*} binary whose
 * {@code -qmp} argument names this machine's QMP socket (so another VM's QEMU does not count either).
 */
public final class QemuProcessCheck {
    private final Path procRoot;

    public QemuProcessCheck() {
        this(Path.of("/proc"));
    }

    /** {@code procRoot} is a parameter so tests can describe processes without starting them. */
    public QemuProcessCheck(Path procRoot) {
        this.procRoot = procRoot;
    }

    /** The live process, if it is our QEMU for {@code qmpSocket}. */
    public Optional<ProcessHandle> find(long pid, Path qmpSocket) {
        if (!isOurQemu(pid, qmpSocket)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    public boolean isOurQemu(long pid, Path qmpSocket) {
        List<String> argv = cmdline(pid);
        if (argv.isEmpty() || !Path.of(argv.get(0)).getFileName().toString().startsWith("qemu-system-")) {
            return false;
        }
        int qmp = argv.indexOf("-qmp");
        return qmp >= 0 && qmp + 1 < argv.size() && argv.get(qmp + 1).equals(QemuArgs.qmpChardev(qmpSocket));
    }

    /**
     * A QEMU that is exiting but not gone yet: the kernel empties a process's cmdline early in its
     * exit (when its memory goes), while its threads and open files — the VM's disk images — still
     * go away. Its name ({@code comm}, in /proc/&lt;pid&gt;/stat) survives until it is a zombie, which
     * holds nothing any more. A caller that waits for a stopped VMM must wait through this too, or a
     * start right after a stop finds the disks still locked by the old QEMU.
     */
    public boolean exiting(long pid) {
        if (!cmdline(pid).isEmpty()) {
            return false;
        }
        try {
            String stat = Files.readString(procRoot.resolve(Long.toString(pid)).resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < open || close + 2 >= stat.length()) {
                return false;
            }
            String comm = stat.substring(open + 1, close);
            char state = stat.charAt(close + 2);
            return comm.startsWith("qemu-system") && state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }

    /** Empty when the process is gone, is a zombie (empty cmdline), or is not readable to us. */
    List<String> cmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(procRoot.resolve(Long.toString(pid)).resolve("cmdline"));
            if (raw.length == 0) {
                return List.of();
            }
            String all = new String(raw, StandardCharsets.UTF_8);
            // arguments are NUL-terminated; drop the final terminator, keep empty arguments in between
            if (all.endsWith("\0")) {
                all = all.substring(0, all.length() - 1);
            }
            return Arrays.asList(all.split("\0", -1));
        } catch (IOException e) {
            return List.of();
        }
    }
}
