package dev.banger.plugins.vm.workspace;

import dev.banger.kernel.api.process.HostCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host's {@code git}, run in one directory through HostCommand (time limit, no shell, never a prompt).
 * Callers ask for machine output ({@code -z}, {@code --name-status}, {@code --no-renames}, ...) so the user's git
 * config cannot change what banger parses; {@code core.quotePath=false} keeps non-ASCII names as they are.
 */
final class HostGit {
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private final Path dir;

    HostGit(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** stdout of a git command that must succeed, stripped of its trailing newline. */
    String out(String purpose, String... args) {
        return command(purpose, args).run().stdout().strip();
    }

    /** stdout as it is (NUL-separated lists keep their separators). */
    String raw(String purpose, String... args) {
        return command(purpose, args).run().stdout();
    }

    /** stdout when git exits 0, empty otherwise (e.g. an unset config key, an unborn HEAD). */
    Optional<String> maybe(String... args) {
        HostCommand.Result r = command(null, args).runAllowingFailure();
        return r.exitCode() == 0 ? Optional.of(r.stdout().strip()) : Optional.empty();
    }

    HostCommand.Result attempt(String... args) {
        return command(null, args).runAllowingFailure();
    }

    /** Binary output (a bundle) straight into a file. */
    void toFile(String purpose, Path file, String... args) {
        command(purpose, args).stdoutTo(file).run();
    }

    private HostCommand command(String purpose, String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "core.quotePath=false", "-C", dir.toString()));
        argv.addAll(List.of(args));
        HostCommand c = HostCommand.of(argv).timeout(LIMIT).env("GIT_TERMINAL_PROMPT", "0");
        return purpose == null ? c : c.purpose(purpose);
    }

    /** Splits git's {@code -z} output. */
    static List<String> nulSeparated(String output) {
        List<String> parts = new ArrayList<>();
        for (String p : output.split("\0")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }
}
