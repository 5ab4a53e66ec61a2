package dev.banger.cli.doctor;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.wire.RpcException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds a host tool and asks it for its version, the way a user would at a shell. */
public final class ToolProbe {
    /** sbin too: mke2fs and debootstrap live there, and a non-root PATH often lacks it. */
    private static final List<String> EXTRA_DIRS = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    private ToolProbe() {
    }

    public static Optional<Path> find(String tool) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        for (String dir : dirs) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The first non-blank line the tool prints (stdout, else stderr) for {@code args}; "unknown version" if none. */
    public static String versionLine(Path tool, String... args) {
        List<String> argv = new ArrayList<>(List.of(tool.toString()));
        argv.addAll(List.of(args));
        try {
            HostCommand.Result r = HostCommand.of(argv).timeout(Duration.ofSeconds(10)).runAllowingFailure();
            return firstLine(r.stdout()).or(() -> firstLine(r.stderr())).orElse("unknown version");
        } catch (RpcException e) {
            return "unknown version (" + e.getMessage() + ")";
        }
    }

    private static Optional<String> firstLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
    }
}
