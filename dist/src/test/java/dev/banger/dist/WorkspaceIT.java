package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workspaces through bin/banger and the RPC, one real VM, real git on both sides. The source repository has two
 * commits, an uncommitted edit (README), a staged new file (new.txt), a deleted tracked file (gone.txt), an untracked
 * file (notes.txt) and an ignored one (build/out.log).
 */
class WorkspaceIT {
    private static final String VM = "wsp";
    private static DaemonFixture daemon;
    private static Path tmp;
    private static Path repo;

    @BeforeAll
    static void repositoryAndDaemon() throws Exception {
        daemon = VmWorld.daemon();
        tmp = Files.createTempDirectory("banger-ws-it");
        repo = tmp.resolve("src repo"); // a space, so quoting is exercised end to end
        Files.createDirectories(repo);
        git(repo, "init", "-q", "-b", "main");
        git(repo, "config", "user.name", "Ada Host");
        git(repo, "config", "user.email", "ada@example.test");
        write(repo, "README", "v1\n");
        write(repo, "gone.txt", "to be deleted\n");
        write(repo, ".gitignore", "build/\n");
        write(repo, "src/app.txt", "app\n");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "first");
        write(repo, "README", "v2\n");
        git(repo, "commit", "-q", "-am", "second");
        write(repo, "README", "v3 uncommitted\n");
        write(repo, "new.txt", "staged new\n");
        git(repo, "add", "new.txt");
        Files.delete(repo.resolve("gone.txt"));
        write(repo, "notes.txt", "untracked\n");
        write(repo, "build/out.log", "ignored\n");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        VmWorld.deleteQuietly(VM);
        if (tmp != null) {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void dryRunListsExactlyWhatWouldGoAndNeedsNoVm() throws Exception {
        DaemonFixture.CliResult plain = daemon.cli("vm", "workspace", "prepare", "no-such-vm", repo.toString(), "--dry-run", "--json");
        assertThat(plain.exit()).as(plain.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(plain.out());
        assertThat(r.path("dry_run").asBoolean()).isTrue();
        assertThat(r.path("mode").asText()).isEqualTo("bundle");
        assertThat(r.path("base_commit").asText()).isEqualTo(git(repo, "rev-parse", "HEAD"));
        assertThat(r.path("file_count").asInt()).isEqualTo(3);
        assertThat(files(r)).containsExactly("modified README", "deleted gone.txt", "added new.txt");

        DaemonFixture.CliResult untracked = daemon.cli("vm", "workspace", "prepare", "no-such-vm", repo.resolve("src").toString(),
                "--dry-run", "--include-untracked");
        assertThat(untracked.exit()).as(untracked.err()).isZero();
        assertThat(untracked.out()).contains("mode:        bundle", "files:       4", "untracked    notes.txt").doesNotContain("out.log");
        try (RpcClient c = daemon.client()) {
            assertThat(c.callRaw("vm.list", null, null, e -> { }).path("vms").toString()).doesNotContain("no-such-vm");
        }
    }

    /** One boot: refusals leave nothing, prepare, exec in /root/repo, prepare again with untracked and a branch, export, apply. */
    @Test
    void prepareExecExportApply() throws Exception {
        try (RpcClient c = daemon.client()) {
            c.callRaw("vm.create", Map.of("name", VM), null, e -> { });

            Path bare = tmp.resolve("bare.git");
            git(tmp, "init", "-q", "--bare", bare.toString());
            Path plain = Files.createDirectories(tmp.resolve("plain"));
            refused(c, prepare(bare.toString()), "bad_request", "bare repository");
            refused(c, prepare(repo + "/../plain"), "bad_request", "params.source_path", "'..'");
            refused(c, prepare("relative/path"), "bad_request", "params.source_path", "absolute");
            refused(c, prepare(plain.toString()), "bad_request", "not inside a git repository");
            refused(c, prepare(tmp.resolve("absent").toString()), "not_found", "params.source_path");
            refused(c, prepare(withSubmodule().toString()), "bad_request", "--mode full_copy");
            assertThat(exec(c, null, "test", "-e", "/root/repo").exit()).isEqualTo(1);

            DaemonFixture.CliResult first = daemon.cli("vm", "workspace", "prepare", VM, repo.toString(), "--json");
            assertThat(first.exit()).as(first.err()).isZero();
            JsonNode prepared = new ObjectMapper().readTree(first.out());
            String base = git(repo, "rev-parse", "HEAD");
            assertThat(prepared.path("base_commit").asText()).isEqualTo(base);
            assertThat(prepared.path("guest_path").asText()).isEqualTo("/root/repo");
            assertThat(prepared.path("bytes_copied").asLong()).isPositive();
            System.out.printf("workspace prepare (bundle, %d files): %d bytes copied in %d ms%n", prepared.path("file_count").asInt(),
                    prepared.path("bytes_copied").asLong(), prepared.path("duration_ms").asLong());
            daemon.log().lines().filter(l -> l.contains("workspace step")).forEach(System.out::println);

            assertThat(exec(c, "/root/repo", "cat", "README").out()).isEqualTo("v3 uncommitted\n");
            assertThat(exec(c, "/root/repo", "cat", "new.txt").out()).isEqualTo("staged new\n");
            assertThat(exec(c, "/root/repo", "test", "-e", "gone.txt").exit()).isEqualTo(1);
            assertThat(exec(c, "/root/repo", "test", "-e", "notes.txt").exit()).isEqualTo(1);
            assertThat(exec(c, "/root/repo", "test", "-e", "build/out.log").exit()).isEqualTo(1);
            assertThat(exec(c, "/root/repo", "git", "log", "--format=%s").out()).isEqualTo("second\nfirst\n");
            assertThat(exec(c, "/root/repo", "git", "rev-parse", "--abbrev-ref", "HEAD").out()).isEqualTo("main\n");
            refused(c, prepare(repo.toString()), "conflict", "/root/repo");

            // a second workspace in the same VM needs the first gone; this one takes untracked files and a guest-only branch
            assertThat(exec(c, null, "rm", "-rf", "/root/repo").exit()).isZero();
            DaemonFixture.CliResult second = daemon.cli("vm", "workspace", "prepare", VM, repo.toString(), "--include-untracked",
                    "--branch", "guest-work");
            assertThat(second.exit()).as(second.err()).isZero();
            assertThat(second.out()).contains("/root/repo ready", "guest-work");
            System.out.print("$ banger vm workspace prepare " + VM + " ... --include-untracked --branch guest-work\n" + second.out());
            assertThat(exec(c, "/root/repo", "cat", "notes.txt").out()).isEqualTo("untracked\n");
            assertThat(exec(c, "/root/repo", "test", "-e", "build/out.log").exit()).isEqualTo(1);
            assertThat(exec(c, "/root/repo", "git", "rev-parse", "--abbrev-ref", "HEAD").out()).isEqualTo("guest-work\n");
            assertThat(git(repo, "branch", "--list", "guest-work")).isEmpty();

            // work in the guest: a commit (attributed to the host's identity) and an uncommitted edit and file
            assertThat(exec(c, "/root/repo", "sh", "-c", "echo guest >> src/app.txt && git add -A && git commit -q -m 'guest commit'"
                    + " && echo more >> README && printf 'bin\\000ary' > guest.bin").exit()).isZero();
            assertThat(exec(c, "/root/repo", "git", "log", "-1", "--format=%an <%ae>").out()).isEqualTo("Ada Host <ada@example.test>\n");

            Path patch = tmp.resolve("guest.patch");
            DaemonFixture.CliResult export = daemon.cli("vm", "workspace", "export", VM, "--output", patch.toString());
            assertThat(export.exit()).as(export.err()).isZero();
            assertThat(export.out()).contains("changed file(s) since " + base);
            JsonNode exported = c.callRaw("vm.workspace.export", Map.of("vm", VM), null, e -> { });
            assertThat(exported.path("base_commit").asText()).isEqualTo(base);
            assertThat(texts(exported.path("changed_files")))
                    .containsExactly("README", "gone.txt", "guest.bin", "new.txt", "notes.txt", "src/app.txt");

            Path check = tmp.resolve("check");
            git(tmp, "clone", "-q", repo.toString(), check.toString());
            git(check, "checkout", "-q", base);
            git(check, "apply", "--check", patch.toString());
            git(check, "apply", patch.toString());
            assertThat(Files.readString(check.resolve("src/app.txt"))).isEqualTo("app\nguest\n");
            assertThat(Files.readString(check.resolve("README"))).isEqualTo("v3 uncommitted\nmore\n");
            assertThat(Files.readString(check.resolve("notes.txt"))).isEqualTo("untracked\n");
            assertThat(Files.readAllBytes(check.resolve("guest.bin"))).containsExactly('b', 'i', 'n', 0, 'a', 'r', 'y');
            assertThat(check.resolve("gone.txt")).doesNotExist();

            fullCopyCarriesSubmodules(c);
            measureALargerRepository(c);
        } finally {
            VmWorld.deleteQuietly(VM);
        }
    }

    /** The submodule repository bundle mode refused: full_copy brings the work tree, .git and the submodule's files. */
    private static void fullCopyCarriesSubmodules(RpcClient c) throws Exception {
        assertThat(exec(c, null, "rm", "-rf", "/root/repo").exit()).isZero();
        Map<String, Object> p = prepare(tmp.resolve("app").toString());
        p.put("mode", "full_copy");
        JsonNode r = c.callRaw("vm.workspace.prepare", p, null, e -> { });
        assertThat(r.path("mode").asText()).isEqualTo("full_copy");
        assertThat(exec(c, "/root/repo", "cat", "vendor/lib/lib.txt").out()).isEqualTo("lib\n");
        assertThat(exec(c, "/root/repo", "git", "submodule", "status").out()).contains("vendor/lib");
        assertThat(exec(c, "/root/repo", "git", "status", "--porcelain").out()).isEmpty();
    }

    /**
     * Not a benchmark (no timing is asserted): 8 MiB of incompressible files in 64 commits, to report what a prepare
     * costs beyond the ssh session itself. The count of files in the guest proves the stream arrived whole.
     */
    private static void measureALargerRepository(RpcClient c) throws Exception {
        Path big = tmp.resolve("big");
        Files.createDirectories(big);
        git(big, "init", "-q", "-b", "main");
        java.util.Random random = new java.util.Random(7);
        for (int commit = 0; commit < 64; commit++) {
            for (int f = 0; f < 4; f++) {
                byte[] data = new byte[32 * 1024];
                random.nextBytes(data);
                Files.write(big.resolve("blob-" + commit + "-" + f + ".bin"), data);
            }
            git(big, "add", "-A");
            git(big, "-c", "user.name=a", "-c", "user.email=a@b", "commit", "-q", "-m", "c" + commit);
        }
        assertThat(exec(c, null, "rm", "-rf", "/root/repo").exit()).isZero();
        JsonNode r = c.callRaw("vm.workspace.prepare", prepare(big.toString()), null, e -> { });
        System.out.printf("workspace prepare (bundle, 256 files of 32 KiB in 64 commits): %d bytes copied in %d ms%n",
                r.path("bytes_copied").asLong(), r.path("duration_ms").asLong());
        assertThat(exec(c, "/root/repo", "sh", "-c", "git ls-files | wc -l").out().strip()).isEqualTo("256");
        assertThat(exec(c, "/root/repo", "git", "rev-list", "--count", "HEAD").out().strip()).isEqualTo("64");
    }

    private static Map<String, Object> prepare(String source) {
        Map<String, Object> p = new HashMap<>();
        p.put("vm", VM);
        p.put("source_path", source);
        return p;
    }

    private static void refused(RpcClient c, Map<String, Object> params, String code, String... words) {
        assertThatThrownBy(() -> c.callRaw("vm.workspace.prepare", params, null, e -> { })).as(params.toString())
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code().wire()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(words);
                });
    }

    private static GuestExec.Ran exec(RpcClient c, String cwd, String... argv) {
        return GuestExec.run(c, VM, cwd, argv);
    }

    private static Path withSubmodule() throws Exception {
        Path lib = tmp.resolve("lib");
        Files.createDirectories(lib);
        git(lib, "init", "-q", "-b", "main");
        write(lib, "lib.txt", "lib\n");
        git(lib, "add", "lib.txt");
        git(lib, "-c", "user.name=a", "-c", "user.email=a@b", "commit", "-q", "-m", "lib");
        Path app = tmp.resolve("app");
        Files.createDirectories(app);
        git(app, "init", "-q", "-b", "main");
        git(app, "-c", "protocol.file.allow=always", "submodule", "add", "-q", lib.toString(), "vendor/lib");
        git(app, "-c", "user.name=a", "-c", "user.email=a@b", "commit", "-q", "-m", "app");
        return app;
    }

    private static List<String> files(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.path("files").forEach(f -> out.add(f.path("status").asText() + " " + f.path("path").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void write(Path dir, String path, String text) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static String git(Path dir, String... args) throws Exception {
        return TestGit.run(dir, args);
    }
}
