package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `banger vm run` and `banger ssh-config` through bin/banger against the shared VM daemon. Three real boots
 * (a command, a detached VM that the ssh-config test reuses, a shell) and one that is cut short on purpose.
 */
class VmRunIT {
    /** A boot under TCG on a loaded 2-core host takes 10–40 s; the CLI's JVM start comes on top. */
    private static final int BOOT_LIMIT_S = 300;
    private static DaemonFixture daemon;

    @BeforeAll
    static void world() throws Exception {
        daemon = VmWorld.daemon();
    }

    @AfterAll
    static void deleteOurVms() {
        VmWorld.deleteQuietly(vmNames().toArray(String[]::new));
    }

    private static List<String> vmNames() {
        List<String> names = new ArrayList<>();
        try (RpcClient c = daemon.client()) {
            c.callRaw("vm.list", null, null, e -> { }).path("vms").forEach(v -> names.add(v.path("name").asText()));
        } catch (Exception unreachable) {
            // VmWorld's shutdown hook deletes what is left
        }
        return names;
    }

    @Test
    void aCommandRunsStreamsAndExitsWithItsOwnCodeAndRmLeavesNoVm() throws Exception {
        List<String> before = vmNames();
        var r = daemon.cliWithin(BOOT_LIMIT_S, "vm", "run", "--rm", "--name", "run42", "--", "sh", "-c", "echo hi; echo oops >&2; exit 42");
        assertThat(r.exit()).as(r.err()).isEqualTo(42);
        assertThat(r.out()).isEqualTo("hi\n");
        String[] err = r.err().split("\n");
        assertThat(err[0]).matches("spec: \\d+ vcpu \\| 1024 MiB \\| 8 GiB disk \\| image debian-bookworm");
        assertThat(r.err()).containsPattern("(?m)^ready in \\d+\\.\\ds$").contains("oops").contains("deleted run42");
        // not a terminal here: one plain line per stage
        assertThat(r.err()).contains("\nboot\n").doesNotContain("\r");
        assertThat(vmNames()).isEqualTo(before);
    }

    @Test
    void contradictoryFlagsAndAPathAreRefusedBeforeAnythingIsCreated() throws Exception {
        List<String> before = vmNames();
        var rmDetach = daemon.cli("vm", "run", "-d", "--rm", "--name", "never1");
        assertThat(rmDetach.exit()).isEqualTo(2);
        assertThat(rmDetach.err()).contains("--rm").contains("--detach");
        var detachCmd = daemon.cli("vm", "run", "-d", "--name", "never2", "--", "true");
        assertThat(detachCmd.exit()).isEqualTo(2);
        assertThat(detachCmd.err()).contains("-d/--detach").contains("-- CMD");
        Path notGit = Files.createTempDirectory(daemon.root, "notgit");
        var path = daemon.cli("vm", "run", "--name", "never3", notGit.toString(), "--", "true");
        assertThat(path.exit()).as(path.err()).isEqualTo(2);
        assertThat(path.err()).contains("git");
        var flagWithoutPath = daemon.cli("vm", "run", "--name", "never5", "--include-untracked", "--", "true");
        assertThat(flagWithoutPath.exit()).isEqualTo(2);
        assertThat(flagWithoutPath.err()).contains("need a PATH");
        var badSize = daemon.cli("vm", "run", "--name", "never4", "--disk-size", "4Q", "--", "true");
        assertThat(badSize.exit()).isEqualTo(2);
        assertThat(badSize.err()).contains("--disk-size");
        assertThat(vmNames()).isEqualTo(before);
    }

    @Test
    void aPathRunsTheCommandInItsWorkspaceWithTheUncommittedEditAndNeverTheIgnoredFile() throws Exception {
        Path repo = TestGit.repoWithEveryKindOfChange(daemon.root.resolve("wsrepo"));
        List<String> before = vmNames();
        var dry = daemon.cli("vm", "run", repo.toString(), "--include-untracked", "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("tracked.txt").contains("untracked.txt").doesNotContain("build.log");
        assertThat(vmNames()).as("a dry run creates nothing").isEqualTo(before);

        var r = daemon.cliWithin(BOOT_LIMIT_S, "vm", "run", "--rm", "--name", "runws", repo.toString(), "--", "sh", "-c",
                "pwd; cat tracked.txt; git log --format=%s; ls");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("/root/repo\nedited, not committed\nfirst\n").doesNotContain("build.log")
                .as("untracked files only with --include-untracked").doesNotContain("untracked.txt");
        assertThat(vmNames()).isEqualTo(before);
    }

    @Test
    void detachedReturnsWithTheVmRunningAndTheSshConfigReachesIt() throws Exception {
        try {
            var r = daemon.cliWithin(BOOT_LIMIT_S, "vm", "run", "-d", "--name", "runbg");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("runbg\n");
            try (RpcClient c = daemon.client()) {
                assertThat(c.callRaw("vm.show", Map.of("name", "runbg"), null, e -> { }).path("state").asText()).isEqualTo("running");
            }
            sshConfigLetsPlainSshIn();
        } finally {
            VmWorld.deleteQuietly("runbg");
        }
        var printed = daemon.cli("ssh-config");
        assertThat(printed.out()).as("a deleted VM's entry goes").doesNotContain("Host runbg.vm");
    }

    /** The printed config, and ~/.ssh/config with banger's block, both get real ssh into runbg over its 127.0.0.1 port. */
    private void sshConfigLetsPlainSshIn() throws Exception {
        var printed = daemon.cli("ssh-config");
        assertThat(printed.exit()).as(printed.err()).isZero();
        assertThat(printed.out()).contains("Host runbg.vm\n    HostName 127.0.0.1\n    Port ").contains("Host *.vm\n    User root\n")
                .contains("IdentitiesOnly yes").contains("UserKnownHostsFile " + daemon.root.resolve("state/banger/vm/ssh/known_hosts"));
        Path file = Files.writeString(daemon.root.resolve("printed-ssh-config"), printed.out());
        assertThat(ssh(file, "runbg.vm", "echo", "in-guest")).isEqualTo("in-guest");

        Path userConfig = daemon.root.resolve("home/.ssh/config");
        var install = daemon.cli("ssh-config", "--install");
        assertThat(install.exit()).as(install.err()).isZero();
        assertThat(daemon.cli("ssh-config", "--install").out()).contains("already");
        assertThat(Files.readString(userConfig)).startsWith("# >>> banger >>>\nInclude ");
        assertThat(ssh(userConfig, "runbg.vm", "hostname")).isNotEmpty();
        assertThat(daemon.cli("ssh-config", "--uninstall").exit()).isZero();
        assertThat(Files.readString(userConfig)).isEmpty();
    }

    private static String ssh(Path config, String host, String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of("ssh", "-F", config.toString(), "-o", "BatchMode=yes", "-o", "ConnectTimeout=20", host));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** Ctrl-C and SIGTERM end the CLI the same way: its socket closes, and the daemon cancels the streamed create. */
    @Test
    void interruptingTheCliDuringCreateLeavesNothingBehind() throws Exception {
        List<String> before = vmNames();
        Path err = Files.createTempFile(daemon.root, "run-int", ".err");
        ProcessBuilder pb = new ProcessBuilder(DaemonFixture.tree().resolve("bin/banger").toString(), "vm", "run", "--name", "runint", "--", "true");
        pb.environment().putAll(daemon.env);
        Process p = pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> Files.readString(err).contains("\nboot\n") || !p.isAlive());
            assertThat(p.isAlive()).as(Files.readString(err)).isTrue();
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(Files.readString(err)).contains("interrupted").contains("runint");
        await().atMost(Duration.ofMinutes(1)).until(() -> vmNames().equals(before));
        assertThat(daemon.root.resolve("state/banger/vm/vms/runint")).doesNotExist();
    }

    /** The same signal while CMD runs: --rm still deletes the VM (from a shutdown hook, over a second connection). */
    @Test
    void interruptingTheCliWhileTheCommandRunsStillHonoursRm() throws Exception {
        List<String> before = vmNames();
        Path err = Files.createTempFile(daemon.root, "run-rm-int", ".err");
        ProcessBuilder pb = new ProcessBuilder(DaemonFixture.tree().resolve("bin/banger").toString(), "vm", "run", "--rm", "--name", "runrmint",
                "--", "sh", "-c", "echo started >&2; sleep 600");
        pb.environment().putAll(daemon.env);
        Process p = pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            await().atMost(Duration.ofMinutes(5)).until(() -> Files.readString(err).contains("started") || !p.isAlive());
            assertThat(p.isAlive()).as(Files.readString(err)).isTrue();
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(Files.readString(err)).contains("interrupted; deleting runrmint").contains("deleted runrmint");
        assertThat(vmNames()).isEqualTo(before);
    }

    @Test
    void withoutACommandItOpensAShellAndRmDeletesTheVmWhenTheShellEnds() throws Exception {
        List<String> before = vmNames();
        // stdin is /dev/null here: ssh runs the guest's login shell, which reads end-of-file and exits 0
        var r = daemon.cliWithin(BOOT_LIMIT_S, "vm", "run", "--rm", "--name", "runsh");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("ready in").contains("deleted runsh").doesNotContain("reconnect");
        assertThat(vmNames()).isEqualTo(before);
    }

    @Test
    void aVmThatNeverBecomesReadyIsKeptDespiteRmAndItsLogIsNamed() throws Exception {
        try {
            var r = daemon.cliWithin(BOOT_LIMIT_S, "vm", "run", "--rm", "--name", "runslow", "--ready-timeout", "1", "--", "true");
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains("never became ready").contains("kept despite --rm").contains("banger vm logs runslow");
            try (RpcClient c = daemon.client()) {
                JsonNode vm = c.callRaw("vm.show", Map.of("name", "runslow"), null, e -> { });
                assertThat(vm.path("state").asText()).as(() -> r.err() + "\n" + daemon.logLines("runslow")).isEqualTo("error");
            }
        } finally {
            VmWorld.deleteQuietly("runslow");
        }
    }
}
