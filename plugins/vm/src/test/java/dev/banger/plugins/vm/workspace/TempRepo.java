package dev.banger.plugins.vm.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real git repository in a temp dir, driven with the host's git; commits need no global identity. */
final class TempRepo {
    final Path dir;

    private TempRepo(Path dir) {
        this.dir = dir;
    }

    static TempRepo init(Path dir) throws Exception {
        Files.createDirectories(dir);
        TempRepo r = new TempRepo(dir);
        r.git("init", "-q", "-b", "main");
        r.git("config", "user.name", "Ada Host");
        r.git("config", "user.email", "ada@example.test");
        return r;
    }

    /**
     * The fixture of docs/workspaces.md: two commits; then an uncommitted edit (README), a staged new file (new.txt),
     * a deleted tracked file (gone.txt), an untracked file (notes.txt) and an ignored one (build/out.log).
     */
    static TempRepo standard(Path dir) throws Exception {
        TempRepo r = init(dir);
        r.write("README", "v1\n");
        r.write("gone.txt", "to be deleted\n");
        r.write(".gitignore", "build/\n*.log\n");
        r.write("src/app.txt", "app\n");
        r.git("add", "-A");
        r.git("commit", "-q", "-m", "first");
        r.write("README", "v2\n");
        r.git("commit", "-q", "-am", "second");
        r.write("README", "v3 uncommitted\n");
        r.write("new.txt", "staged new\n");
        r.git("add", "new.txt");
        Files.delete(dir.resolve("gone.txt"));
        r.write("notes.txt", "untracked\n");
        r.write("build/out.log", "ignored\n");
        return r;
    }

    void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    String read(String path) throws IOException {
        return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    }

    String git(String... args) throws Exception {
        return run(dir, null, args);
    }

    /** Runs git with stdin from a file (e.g. `git apply`). */
    String gitWithInput(Path stdin, String... args) throws Exception {
        return run(dir, stdin, args);
    }

    static String run(Path dir, Path stdin, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z");
        pb.environment().put("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z");
        pb.environment().put("GIT_ALLOW_PROTOCOL", "file");
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
        }
        return out.strip();
    }
}
