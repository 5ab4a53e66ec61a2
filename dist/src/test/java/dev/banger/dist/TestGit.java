package dev.banger.dist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Host git for the workspace tests: runs in {@code dir}, fails the test with git's output when git fails. */
final class TestGit {
    private TestGit() {
    }

    static String run(Path dir, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
        }
        return out.strip();
    }

    /** A repository with one commit (tracked.txt), then an uncommitted edit, an untracked file and an ignored one. */
    static Path repoWithEveryKindOfChange(Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        run(dir, "init", "-q", "-b", "main");
        run(dir, "config", "user.name", "Ada Host");
        run(dir, "config", "user.email", "ada@example.test");
        java.nio.file.Files.writeString(dir.resolve("tracked.txt"), "committed\n");
        java.nio.file.Files.writeString(dir.resolve(".gitignore"), "*.log\n");
        run(dir, "add", "-A");
        run(dir, "commit", "-q", "-m", "first");
        java.nio.file.Files.writeString(dir.resolve("tracked.txt"), "edited, not committed\n");
        java.nio.file.Files.writeString(dir.resolve("untracked.txt"), "untracked\n");
        java.nio.file.Files.writeString(dir.resolve("build.log"), "ignored\n");
        return dir;
    }
}
