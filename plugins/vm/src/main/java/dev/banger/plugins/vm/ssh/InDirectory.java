package dev.banger.plugins.vm.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs an argv in a guest directory. The directory travels as an argument of a fixed script (never spliced
 * into it), so a path with spaces or quotes is still one path; a missing directory fails with cd's message
 * and exit 1 instead of running the command somewhere else.
 */
public final class InDirectory {
    static final String SCRIPT = "cd -- \"$1\" || exit 1; shift; exec \"$@\"";

    private InDirectory() {
    }

    /** {@code argv} unchanged when {@code dir} is null. */
    public static List<String> wrap(String dir, List<String> argv) {
        if (dir == null) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", SCRIPT, "banger-cwd", dir));
        wrapped.addAll(argv);
        return wrapped;
    }
}
