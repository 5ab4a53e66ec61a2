package dev.banger.cli.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Images, kernels and VM disks live in the state and cache directories; an image needs ~1-2 GiB. */
final class DiskSpaceCheck implements Check {
    static final long FAIL_BELOW = 1L << 30;
    static final long WARN_BELOW = 5L << 30;

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        List<String> details = new ArrayList<>();
        long least = Long.MAX_VALUE;
        for (Path dir : List.of(ctx.settings().layout().stateDir(), ctx.settings().layout().cacheDir())) {
            try {
                long free = Files.getFileStore(existingAncestor(dir)).getUsableSpace();
                least = Math.min(least, free);
                details.add(dir + ": " + gib(free) + " free");
            } catch (IOException e) {
                details.add(dir + ": cannot read free space (" + e.getMessage() + ")");
            }
        }
        String summary = least == Long.MAX_VALUE ? "unknown" : gib(least) + " free (least of state, cache)";
        String hint = "free space there, or delete unused images (`banger image cache prune`, `banger image delete`)";
        if (least < FAIL_BELOW) {
            return CheckResult.fail(name(), summary, hint, details.toArray(String[]::new));
        }
        if (least < WARN_BELOW) {
            return CheckResult.warn(name(), summary, hint, details.toArray(String[]::new));
        }
        return CheckResult.pass(name(), summary, details.toArray(String[]::new));
    }

    /** The directories are made on first use; before that, the disk they will land on counts. */
    static Path existingAncestor(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? Path.of("/") : p;
    }

    private static String gib(long bytes) {
        return String.format("%.1f GiB", bytes / (double) (1L << 30));
    }
}
