package dev.banger.plugins.vm.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ssh layer against a real OpenSSH sshd on 127.0.0.1 (see TestSshd for how it runs without installing). */
class SshAgainstRealSshdTest {
    private static final String HOST = "127.0.0.1";

    @TempDir
    static Path shared;
    private static SshIdentity identity;
    private static Path hostKey;
    private static TestSshd sshd;

    @TempDir
    Path dir;
    private KnownHosts knownHosts;
    private SshExec exec;

    @BeforeAll
    static void startSshd() throws Exception {
        TestSshd.assumeRunnable();
        identity = SshIdentity.ensure(shared.resolve("state/ssh"));
        Files.writeString(shared.resolve("authorized_keys"), identity.publicKeyLine() + "\n");
        hostKey = shared.resolve("host/ssh_host_ed25519_key");
        Files.createDirectories(hostKey.getParent());
        Ed25519KeyGen.generate(hostKey, "guest-host-key");
        sshd = TestSshd.start(shared.resolve("sshd"), hostKey, shared.resolve("authorized_keys"), FreePort.find());
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void freshKnownHosts() {
        knownHosts = new KnownHosts(dir.resolve("known_hosts"));
        exec = new SshExec(new SshArgv(identity, knownHosts), knownHosts);
    }

    @Test
    void trustOnFirstUseRecordsTheGuestsKeyAndThenExecWorks() {
        assertThat(SshReadiness.awaitBanner("vm1", target(sshd.port), Duration.ofSeconds(5), () -> false))
                .startsWith("SSH-2.0-OpenSSH");
        knownHosts.trustOnFirstUse("vm1", HOST, sshd.port);
        assertThat(knownHosts.entries("vm1")).singleElement().satisfies(l -> {
            assertThat(l.address()).isEqualTo("[127.0.0.1]:" + sshd.port);
            assertThat(l.keyType() + " " + l.keyBase64()).isEqualTo(publicKeyOf(hostKey));
        });
        Result r = run("vm1", sshd.port, List.of("echo", "hello"));
        assertThat(r.exit).isZero();
        assertThat(r.out()).isEqualTo("hello\n");
    }

    @Test
    void execStreamsStdoutAndStderrApartAndReturnsTheExitCode() {
        knownHosts.add("vm2", HOST, sshd.port, Ed25519KeyGen.publicKeyLine(hostKey)); // pre-seeded, no TOFU
        Result r = run("vm2", sshd.port, List.of("sh", "-c", "echo out; echo err >&2; exit 42"));
        assertThat(r.exit).isEqualTo(42);
        assertThat(r.out()).isEqualTo("out\n");
        assertThat(r.err()).isEqualTo("err\n");
    }

    @Test
    void outputArrivesWhileTheCommandStillRuns() {
        knownHosts.add("vm3", HOST, sshd.port, Ed25519KeyGen.publicKeyLine(hostKey));
        long[] firstChunkAt = {0};
        long t0 = System.nanoTime();
        int exit = exec.run("vm3", target(sshd.port), List.of("sh", "-c", "echo first; sleep 1; echo second"),
                c -> {
                    if (firstChunkAt[0] == 0) {
                        firstChunkAt[0] = System.nanoTime();
                    }
                }, () -> false, Duration.ofSeconds(20));
        long doneAt = System.nanoTime();
        assertThat(exit).isZero();
        assertThat(Duration.ofNanos(doneAt - firstChunkAt[0])).isGreaterThan(Duration.ofMillis(700));
        assertThat(Duration.ofNanos(firstChunkAt[0] - t0)).isPositive();
    }

    @Test
    void hostileArgumentsArriveVerbatim() {
        knownHosts.add("vm4", HOST, sshd.port, Ed25519KeyGen.publicKeyLine(hostKey));
        Path canary = dir.resolve("pwned");
        List<String> hostile = new ArrayList<>(ShellQuoteTest.HOSTILE);
        hostile.add("$(touch " + canary + ")");
        hostile.add("; touch " + canary);
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\n"));
        argv.addAll(hostile);
        Result r = run("vm4", sshd.port, argv);
        assertThat(r.exit).isZero();
        assertThat(r.out()).isEqualTo(String.join("\n", hostile) + "\n");
        assertThat(canary).doesNotExist();
    }

    @Test
    void aRemoteExitOf255IsTheCommandsCodeNotAnSshFailure() {
        knownHosts.add("vm5", HOST, sshd.port, Ed25519KeyGen.publicKeyLine(hostKey));
        assertThat(run("vm5", sshd.port, List.of("sh", "-c", "exit 255")).exit).isEqualTo(255);
    }

    @Test
    void sshsOwnFailureIsAnErrorCarryingWhatSshSaid() {
        int dead = FreePort.find();
        knownHosts.add("vm6", HOST, dead, Ed25519KeyGen.publicKeyLine(hostKey));
        assertThatThrownBy(() -> run("vm6", dead, List.of("true")))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageContaining("VM vm6").hasMessageContaining("Connection refused");
    }

    @Test
    void removeDeletesOnlyThatVmsEntriesAndItsSshStopsBeingTrusted() throws Exception {
        knownHosts.trustOnFirstUse("gone", HOST, sshd.port);
        knownHosts.add("kept", HOST, FreePort.find(), Ed25519KeyGen.publicKeyLine(hostKey));
        assertThat(knownHosts.remove("gone")).isEqualTo(1);
        assertThat(Files.readAllLines(knownHosts.file())).singleElement().asString().endsWith("banger-vm=kept");
        assertThatThrownBy(() -> run("gone", sshd.port, List.of("true")))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageContaining("no host key recorded for VM gone");
    }

    @Test
    void aChangedHostKeyIsAConflictNamingTheWayOutAndTheFile() throws Exception {
        int port = FreePort.find();
        Path otherKey = dir.resolve("other/ssh_host_ed25519_key");
        Files.createDirectories(otherKey.getParent());
        Ed25519KeyGen.generate(otherKey, "recreated-guest");
        try (TestSshd first = TestSshd.start(dir.resolve("sshd-a"), hostKey, shared.resolve("authorized_keys"), port)) {
            knownHosts.trustOnFirstUse("vm7", HOST, port);
            assertThat(run("vm7", port, List.of("true")).exit).isZero();
        }
        try (TestSshd second = TestSshd.start(dir.resolve("sshd-b"), otherKey, shared.resolve("authorized_keys"), port)) {
            knownHosts.trustOnFirstUse("vm7", HOST, port); // already pinned: must not re-trust the new key
            assertThatThrownBy(() -> run("vm7", port, List.of("true")))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                    .hasMessageContaining("the host key of VM vm7 changed since banger first saw it")
                    .hasMessageContaining("banger vm delete vm7")
                    .hasMessageContaining("known_hosts: " + knownHosts.file());
        }
    }

    @Test
    void cancellationKillsALongCommand() throws Exception {
        knownHosts.add("vm8", HOST, sshd.port, Ed25519KeyGen.publicKeyLine(hostKey));
        Path pidFile = dir.resolve("remote.pid");
        AtomicBoolean cancel = new AtomicBoolean();
        Thread canceller = new Thread(() -> {
            // cancel once the remote command is surely running; give up (and cancel anyway) after 10 s
            long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(pidFile) && System.nanoTime() < giveUp) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            cancel.set(true);
        });
        canceller.start();
        long t0 = System.nanoTime();
        try {
            assertThatThrownBy(() -> exec.run("vm8", target(sshd.port), sleeper(pidFile), c -> { }, cancel::get, Duration.ofSeconds(90)))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        } finally {
            canceller.join(5000);
            killRemote(pidFile);
        }
    }

    @Test
    void aTimeoutKillsTheCommandAndSaysSo() throws Exception {
        knownHosts.add("vm9", HOST, sshd.port, Ed25519KeyGen.publicKeyLine(hostKey));
        Path pidFile = dir.resolve("remote.pid");
        try {
            assertThatThrownBy(() -> exec.run("vm9", target(sshd.port), sleeper(pidFile), c -> { }, () -> false, Duration.ofSeconds(1)))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                    .hasMessageContaining("did not finish within 1 s");
        } finally {
            killRemote(pidFile);
        }
    }

    @Test
    void theInteractiveArgvUsesTheSameTrust() throws Exception {
        knownHosts.add("vm10", HOST, sshd.port, Ed25519KeyGen.publicKeyLine(hostKey));
        List<String> argv = new SshArgv(identity, knownHosts).interactive(target(sshd.port), List.of("echo", "a b"));
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out.strip()).isEqualTo("a b");
    }

    /** The remote sleeper writes its pid so the test can clean up the exact process afterwards. */
    private static List<String> sleeper(Path pidFile) {
        return List.of("sh", "-c", "echo $$ > " + pidFile + "; exec sleep 60");
    }

    /**
     * Killing ssh closes the connection, but without a tty the remote command is not signalled: it would
     * sleep on. In a guest that is the VM's business; here it is the host's, so end it by its pid.
     */
    private static void killRemote(Path pidFile) throws Exception {
        if (Files.exists(pidFile)) {
            String pid = Files.readString(pidFile).strip();
            if (!pid.isEmpty()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroy);
            }
        }
    }

    private SshTarget target(int port) {
        return SshTarget.root(HOST, port);
    }

    private Result run(String vm, int port, List<String> command) {
        return run(vm, port, command, () -> false);
    }

    private Result run(String vm, int port, List<String> command, BooleanSupplier cancelled) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = exec.run(vm, target(port), command,
                c -> (c.source() == OutputChunk.Source.STDOUT ? out : err).writeBytes(c.data()), cancelled, Duration.ofSeconds(20));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String publicKeyOf(Path key) {
        String[] f = Ed25519KeyGen.publicKeyLine(key).split(" ");
        return f[0] + " " + f[1];
    }

    private record Result(int exit, String out, String err) {
    }
}
