package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * `banger update` against a real system install under a temp root, in background mode, with real
 * release tarballs made by scripts/make-release. One story, in order: refused while a pull runs;
 * a tampered release refused; a VM boots; the update goes through and the VM survives; a release
 * whose daemon cannot start fails the post-update doctor and is rolled back, and the VM survives that
 * too. The release with the demo plugin is the marker: its plugin list shows which tree is live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpdateIT {
    private static final String VM = "survivor";
    private InstalledSystem sys;
    private Path releases;
    private Path good;
    private Path broken;
    private Path tampered;
    private String root;
    private long vmmPid;

    @BeforeAll
    void installAndMakeReleases() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")), "qemu-system-x86_64 is not installed");
        sys = InstalledSystem.create();
        root = sys.root.toString();
        releases = Files.createTempDirectory(Path.of("/tmp"), "bgrel");
        good = release("0.2.0-it", "demo");  // its banger-*.jar files are renamed: see renameJars
        broken = release("0.3.0-it", "demo", "dupe"); // two plugins contribute daemon.ping: bangerd refuses to start
        tampered = tamper(good);
        assertThat(sys.cli("system", "install", "--owner", "root", "--root", root).exit()).isZero();
        DaemonFixture.CliResult start = sys.cli("system", "start", "--root", root);
        assertThat(start.exit()).as(start.out()).isZero();
    }

    @AfterAll
    void cleanUp() throws Exception {
        try {
            if (sys != null) {
                try (RpcClient c = sys.client()) {
                    c.callRaw("vm.delete", Map.of("names", List.of(VM)), null, e -> { });
                } catch (Exception absent) {
                    // no VM, or no daemon: close() below still stops what runs
                }
                sys.close();
            }
        } finally {
            if (releases != null) {
                try (Stream<Path> walk = Files.walk(releases)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    @Order(1)
    void whileAPullIsRunningTheUpdateIsRefusedAndNothingChanges() throws Exception {
        String kernelOp;
        String imageOp;
        try (RpcClient c = sys.client()) {
            kernelOp = c.callRaw("kernel.pull", Map.of(), null, e -> { }).path("id").asText();
            imageOp = c.callRaw("image.pull", Map.of("ref", "debian-bookworm"), null, e -> { }).path("id").asText();
        }
        long daemonPid = sys.service("bangerd").orElseThrow().pid();
        DaemonFixture.CliResult r = sys.cli("update", "--from", good.toString(), "--root", root);
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("update refused:", "still running", imageOp, "--force", "nothing was changed");
        assertUnchanged(daemonPid);

        DaemonFixture.CliResult check = sys.cli("update", "--from", good.toString(), "--check", "--root", root);
        assertThat(check.exit()).isEqualTo(1);

        try (RpcClient c = sys.client()) {
            for (String op : List.of(kernelOp, imageOp)) {
                JsonNode done = c.callRaw("daemon.operations.wait", Map.of("id", op, "timeout_ms", 600_000), null, e -> { });
                assertThat(done.path("error").isMissingNode()).as(done.toString()).isTrue();
            }
        }
    }

    @Test
    @Order(2)
    void aTamperedReleaseIsRefusedNamingTheFile() throws Exception {
        long daemonPid = sys.service("bangerd").orElseThrow().pid();
        DaemonFixture.CliResult r = sys.cli("update", "--from", tampered.toString(), "--root", root);
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).containsPattern("update refused: lib/banger-kernel-api-[^ ]+\\.jar: checksum mismatch").contains("nothing was changed");
        assertUnchanged(daemonPid);
    }

    @Test
    @Order(3)
    void checkAndDryRunPassAndChangeNothing() throws Exception {
        long daemonPid = sys.service("bangerd").orElseThrow().pid();
        DaemonFixture.CliResult check = sys.cli("update", "--from", good.toString(), "--check", "--root", root);
        assertThat(check.exit()).as(check.out()).isZero();
        assertThat(check.out()).contains("files match SHA256SUMS", "the new tree runs (0.2.0-it)", "image/image.db: live schema 2, new release 2",
                "preflight passed");
        DaemonFixture.CliResult plan = sys.cli("update", "--from", good.toString(), "--dry-run", "--root", root);
        assertThat(plan.exit()).isZero();
        assertThat(plan.out()).contains("plan (dry run, nothing changed):", "restart bangerd-root and bangerd (background)");
        assertUnchanged(daemonPid);
    }

    @Test
    @Order(4)
    void anUpdateGoesThroughAndARunningVmSurvivesIt() throws Exception {
        try (RpcClient c = sys.client()) {
            JsonNode vm = c.callRaw("vm.create", Map.of("name", VM), null, e -> { });
            assertThat(vm.path("state").asText()).isEqualTo("running");
            vmmPid = c.callRaw("vm.show", Map.of("name", VM), null, e -> { }).path("pid").asLong();
            assertThat(exec(c, "echo", "before")).isEqualTo("before\n");
        }
        long oldDaemon = sys.service("bangerd").orElseThrow().pid();
        long t0 = System.nanoTime();
        DaemonFixture.CliResult r = sys.installedCli("update", "--from", good.toString(), "--root", root);
        System.out.printf("update took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("updated 0.1.0-SNAPSHOT → 0.2.0-it", "doctor passed");

        assertThat(sys.service("bangerd").orElseThrow().pid()).isNotEqualTo(oldDaemon);
        assertThat(Files.readString(sys.tree().resolve("RELEASE"))).contains("version=0.2.0-it");
        assertThat(sys.tree().resolve("lib/banger-cli-0.2.0-it.jar")).exists();
        assertThat(sys.root.resolve("opt/banger.previous/bin/bangerd")).exists();
        assertThat(sys.root.resolve("opt/banger.previous/RELEASE")).doesNotExist();
        assertThat(Files.readString(sys.root.resolve("etc/banger/install.toml"))).contains("version = \"0.2.0-it\"", "updated_at");
        JsonNode version = Json.mapper().readTree(sys.installedCli("version", "--json").out());
        assertThat(version.path("release").asText()).isEqualTo("0.2.0-it");
        assertThat(livePlugins()).contains("demo");
        assertVmSurvived("after-update");
    }

    @Test
    @Order(5)
    void aReleaseThatFailsThePostUpdateDoctorIsRolledBackAndTheVmSurvives() throws Exception {
        DaemonFixture.CliResult r = sys.installedCli("update", "--from", broken.toString(), "--root", root);
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("swapped in 0.3.0-it", "doctor failed after the update:", "FAIL daemon",
                "rolled back to 0.2.0-it; services running and doctor passes again");
        assertThat(Files.readString(sys.tree().resolve("RELEASE"))).contains("version=0.2.0-it");
        assertThat(Files.readString(sys.root.resolve("etc/banger/install.toml"))).contains("version = \"0.2.0-it\"");
        assertThat(sys.root.resolve("opt/.banger.failed")).doesNotExist();
        assertThat(livePlugins()).contains("demo");
        assertVmSurvived("after-rollback");
    }

    private void assertVmSurvived(String word) throws Exception {
        try (RpcClient c = sys.client()) {
            JsonNode vm = c.callRaw("vm.show", Map.of("name", VM), null, e -> { });
            assertThat(vm.path("state").asText()).isEqualTo("running");
            assertThat(vm.path("pid").asLong()).isEqualTo(vmmPid);
            assertThat(exec(c, "echo", word)).isEqualTo(word + "\n");
        }
        assertThat(ProcessHandle.of(vmmPid).map(ProcessHandle::isAlive)).contains(true);
    }

    private void assertUnchanged(long daemonPid) throws IOException {
        assertThat(sys.tree().resolve("RELEASE")).doesNotExist();
        assertThat(sys.root.resolve("opt/banger.previous")).doesNotExist();
        try (Stream<Path> opt = Files.list(sys.root.resolve("opt"))) {
            assertThat(opt.map(p -> p.getFileName().toString()).toList()).containsExactly("banger");
        }
        assertThat(sys.service("bangerd").orElseThrow().pid()).isEqualTo(daemonPid);
    }

    private List<String> livePlugins() throws Exception {
        List<String> ids = new ArrayList<>();
        try (RpcClient c = sys.client()) {
            c.callRaw("daemon.plugins.list", null, null, e -> { }).path("plugins").forEach(p -> ids.add(p.path("id").asText()));
        }
        return ids;
    }

    private static String exec(RpcClient c, String... argv) {
        return GuestExec.ok(c, VM, argv);
    }

    /** scripts/make-release over a copy of the dist tree with the named test plugins added. */
    private Path release(String version, String... testPlugins) throws Exception {
        Path tree = Files.createDirectory(releases.resolve("tree-" + version));
        run("cp", "-a", DaemonFixture.tree() + "/.", tree.toString());
        for (String id : testPlugins) {
            Files.copy(DaemonFixture.testPlugin(id), tree.resolve("plugins").resolve(DaemonFixture.testPlugin(id).getFileName()));
        }
        if (version.equals("0.2.0-it")) {
            renameJars(tree, version);
        }
        String script = Path.of(System.getProperty("banger.scripts", "../scripts"), "make-release").toString();
        return Path.of(run(script, "--tree", tree.toString(), "--version", version, "--out", releases.toString()).strip());
    }

    /**
     * A new version's jars have new file names. The CLI running the update comes from the tree it
     * replaces and names its old jars on its classpath: this makes the test prove it survives the swap.
     */
    private static void renameJars(Path tree, String version) throws IOException {
        try (Stream<Path> s = Files.list(tree.resolve("lib"))) {
            for (Path jar : s.filter(p -> p.getFileName().toString().matches("banger-.*-0\\.1\\.0-SNAPSHOT\\.jar")).toList()) {
                Files.move(jar, jar.resolveSibling(jar.getFileName().toString().replace("0.1.0-SNAPSHOT", version)));
            }
        }
    }

    /** The same release with one byte of the CLI jar changed and SHA256SUMS left as it was. */
    private Path tamper(Path release) throws Exception {
        Path dir = Files.createDirectory(releases.resolve("tampered"));
        run("tar", "-xzf", release.toString(), "-C", dir.toString());
        Path top;
        try (Stream<Path> s = Files.list(dir)) {
            top = s.findFirst().orElseThrow();
        }
        Path jar;
        try (Stream<Path> s = Files.list(top.resolve("lib"))) {
            jar = s.filter(p -> p.getFileName().toString().startsWith("banger-kernel-api-")).findFirst().orElseThrow();
        }
        Files.write(jar, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        Path out = releases.resolve("tampered.tar.gz");
        run("tar", "-C", dir.toString(), "-czf", out.toString(), top.getFileName().toString());
        return out;
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", argv) + ": " + out).isZero();
        return out;
    }
}
