package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real VMs under QEMU (TCG on these hosts) from the default image and Debian's cloud kernel, both
 * built by the daemon itself. Skips with the reason when QEMU is not installed.
 */
class VmIT {
    private static DaemonFixture daemon;
    private static String guestKernel;

    @BeforeAll
    static void imageAndKernel() throws Exception {
        daemon = VmWorld.daemon();
        guestKernel = VmWorld.guestKernel();
    }

    @AfterAll
    static void deleteOurVms() throws Exception {
        try (RpcClient c = VmWorld.daemon().client()) {
            for (JsonNode vm : c.callRaw("vm.list", null, null, e -> { }).path("vms")) {
                c.callRaw("vm.delete", Map.of("names", List.of(vm.path("name").asText())), null, e -> { });
            }
        }
    }

    private static JsonNode create(RpcClient c, String name, List<String> stages) {
        return c.callRaw("vm.create", Map.of("name", name), null, e -> stages.add(e.path("stage").asText()));
    }

    private static String exec(RpcClient c, String name, String... argv) {
        return GuestExec.ok(c, name, argv);
    }

    @Test
    void createExecStopStartDeleteLeavesNothing() throws Exception {
        try (RpcClient c = daemon.client()) {
            List<String> stages = new ArrayList<>();
            JsonNode vm = create(c, "life", stages);
            assertThat(vm.path("state").asText()).isEqualTo("running");
            assertThat(stages).contains("prepare disks", "configure guest", "boot", "wait for guest", "ready");
            assertThat(exec(c, "life", "uname", "-r").trim()).isEqualTo(guestKernel);
            // the image plugin asks the vm family (through the dispatcher) before taking away what a VM boots from
            for (String[] m : new String[][] {{"image.delete", "debian-bookworm"}, {"kernel.delete", "debian-cloud"}}) {
                assertThatThrownBy(() -> c.callRaw(m[0], Map.of("name", m[1]), null, e -> { }))
                        .isInstanceOfSatisfying(RpcException.class, e -> {
                            assertThat(e.code().wire()).isEqualTo("conflict");
                            assertThat(e.getMessage()).contains("life");
                        });
            }
            exec(c, "life", "sh", "-c", "echo persisted > /root/marker && sync");
            JsonNode failing = c.callRaw("vm.exec", Map.of("name", "life", "argv", List.of("sh", "-c", "exit 42")), null, e -> { });
            assertThat(failing.path("exit_code").asInt()).isEqualTo(42);

            long pid = c.callRaw("vm.show", Map.of("name", "life"), null, e -> { }).path("pid").asLong();
            c.callRaw("vm.stop", Map.of("names", List.of("life")), null, e -> { });
            // a zombie the daemon's JVM has not reaped yet (it may wait for a CPU on a loaded host) counts as gone: it holds nothing
            assertThat(ProcessTable.runs(pid, "qemu")).isFalse();
            assertThatThrownBy(() -> exec(c, "life", "true"))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("not_running"));

            c.callRaw("vm.start", Map.of("names", List.of("life")), null, e -> { });
            assertThat(exec(c, "life", "cat", "/root/marker").trim()).isEqualTo("persisted");

            Path disks = daemon.root.resolve("state/banger/vm/vms/life");
            assertThat(disks).isDirectory();
            long pid2 = c.callRaw("vm.show", Map.of("name", "life"), null, e -> { }).path("pid").asLong();
            c.callRaw("vm.delete", Map.of("names", List.of("life")), null, e -> { });
            assertThat(ProcessTable.runs(pid2, "qemu")).isFalse();
            assertThat(disks).doesNotExist();
            assertThat(Files.readString(daemon.root.resolve("state/banger/vm/ssh/known_hosts"))).doesNotContain("life");
            assertThatThrownBy(() -> c.callRaw("vm.show", Map.of("name", "life"), null, e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("not_found"));
        }
    }

    @Test
    void badInputIsRefusedAndCreatesNothing() throws Exception {
        try (RpcClient c = daemon.client()) {
            int before = c.callRaw("vm.list", null, null, e -> { }).path("vms").size();
            for (Map<String, Object> p : List.<Map<String, Object>>of(Map.of("name", "a/b"), Map.of("vcpu", 0), Map.of("memory_mib", 1),
                    Map.of("network", "carrier-pigeon"), Map.of("name", "Caps"))) {
                assertThatThrownBy(() -> c.callRaw("vm.create.begin", p, null, e -> { })).as(p.toString())
                        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("bad_request"));
            }
            assertThatThrownBy(() -> c.callRaw("vm.create.begin", Map.of("image", "no-such-image"), null, e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.code().wire()).isEqualTo("not_found");
                        assertThat(e.getMessage()).contains("banger image pull no-such-image");
                    });
            assertThat(c.callRaw("vm.list", null, null, e -> { }).path("vms").size()).isEqualTo(before);
        }
    }

    @Test
    void threeParallelCreatesGetDistinctPortsAndAllAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<JsonNode>> all = new ArrayList<>();
            for (String n : List.of("par-a", "par-b", "par-c")) {
                all.add(pool.submit(() -> {
                    try (RpcClient c = daemon.client()) {
                        return create(c, n, new ArrayList<>());
                    }
                }));
            }
            List<Integer> ports = new ArrayList<>();
            for (Future<JsonNode> f : all) {
                ports.add(f.get(10, TimeUnit.MINUTES).path("ssh_port").asInt());
            }
            assertThat(ports).doesNotHaveDuplicates();
            try (RpcClient c = daemon.client()) {
                for (String n : List.of("par-a", "par-b", "par-c")) {
                    assertThat(exec(c, n, "hostname").trim()).isEqualTo(n);
                }
                c.callRaw("vm.delete", Map.of("names", List.of("par-a", "par-b", "par-c")), null, e -> { });
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDaemonKilledWithSigkillReattachesToRunningVmsAndNoticesDeadOnes() throws Exception {
        long deadPid;
        try (RpcClient c = daemon.client()) {
            create(c, "survivor", new ArrayList<>());
            create(c, "victim", new ArrayList<>());
            deadPid = c.callRaw("vm.show", Map.of("name", "victim"), null, e -> { }).path("pid").asLong();
        }
        daemon.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        ProcessHandle.of(deadPid).ifPresent(ProcessHandle::destroyForcibly); // our test's own VM, by its pid
        Thread.sleep(500);
        daemon.start();
        try (RpcClient c = daemon.client()) {
            assertThat(c.callRaw("vm.show", Map.of("name", "survivor"), null, e -> { }).path("state").asText()).isEqualTo("running");
            assertThat(exec(c, "survivor", "echo", "still here").trim()).isEqualTo("still here");
            assertThat(c.callRaw("vm.show", Map.of("name", "victim"), null, e -> { }).path("state").asText()).isEqualTo("stopped");
            c.callRaw("vm.delete", Map.of("names", List.of("survivor", "victim")), null, e -> { });
        }
    }

    @Test
    void cancellingACreateWhileTheGuestBootsLeavesNothingBehind() throws Exception {
        try (RpcClient c = daemon.client()) {
            JsonNode begun = c.callRaw("vm.create.begin", Map.of("name", "cancelme"), null, e -> { });
            assertThat(begun.path("subject").asText()).isEqualTo("cancelme");
            String op = begun.path("id").asText();
            long deadline = System.currentTimeMillis() + 120_000;
            String stage = "";
            while (!stage.equals("wait for guest") && System.currentTimeMillis() < deadline) {
                stage = c.callRaw("daemon.operations.get", Map.of("id", op), null, e -> { }).path("stage").asText();
                Thread.sleep(50);
            }
            assertThat(stage).as("the create reached the boot wait").isEqualTo("wait for guest");
            c.callRaw("daemon.operations.cancel", Map.of("id", op), null, e -> { });
            JsonNode done = c.callRaw("daemon.operations.wait", Map.of("id", op, "timeout_ms", 60_000), null, e -> { });
            assertThat(done.at("/error/code").asText()).isEqualTo("cancelled");
            assertThatThrownBy(() -> c.callRaw("vm.show", Map.of("name", "cancelme"), null, e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("not_found"));
        }
        assertThat(daemon.root.resolve("state/banger/vm/vms/cancelme")).doesNotExist();
        boolean qemuLeft = ProcessHandle.allProcesses().anyMatch(p -> p.info().arguments().map(a -> String.join(" ", a))
                .orElse("").contains("vms/cancelme/"));
        assertThat(qemuLeft).as("no qemu of the cancelled VM is running").isFalse();
    }

    @Test
    void aTakenNameIsRefusedBeforeAnythingIsMade() throws Exception {
        try (RpcClient c = daemon.client()) {
            c.callRaw("vm.create", Map.of("name", "twice", "no_start", true), null, e -> { });
            assertThatThrownBy(() -> c.callRaw("vm.create.begin", Map.of("name", "twice"), null, e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("already_exists"));
            assertThat(c.callRaw("vm.show", Map.of("name", "twice"), null, e -> { }).path("state").asText()).isEqualTo("created");
            c.callRaw("vm.delete", Map.of("names", List.of("twice")), null, e -> { });
        }
    }

    /**
     * One boot and one restart: a forward added at run time answers on 127.0.0.1, vm.ports and vm.health see
     * sshd, vm.set resizes the stopped VM, the forward is applied again at the next start, and vm.prune takes
     * only the VM that is not running.
     */
    @Test
    void forwardsPortsHealthSetAndPrune() throws Exception {
        try (RpcClient c = daemon.client()) {
            try {
                c.callRaw("vm.create", Map.of("name", "idle", "no_start", true), null, e -> { });
                int sshPort = create(c, "extras", new ArrayList<>()).path("ssh_port").asInt();

                for (int bad : List.of(0, 70000)) {
                    assertThatThrownBy(() -> c.callRaw("vm.forward.add", Map.of("name", "extras", "guest_port", bad), null, e -> { }))
                            .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("bad_request"));
                }
                // the guest's sshd is the one server the default image has: a second forward to port 22 proves the path
                JsonNode added = c.callRaw("vm.forward.add", Map.of("name", "extras", "guest_port", 22), null, e -> { });
                int extra = added.path("changed").path("host_port").asInt();
                assertThat(extra).isPositive().isNotEqualTo(sshPort);
                assertThat(banner(extra)).startsWith("SSH-2.0-");
                assertThatThrownBy(() -> c.callRaw("vm.forward.remove", Map.of("name", "extras", "host_port", sshPort), null, e -> { }))
                        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("conflict"));

                JsonNode ports = c.callRaw("vm.ports", Map.of("name", "extras"), null, e -> { }).path("ports");
                assertThat(ports.findValuesAsText("port")).contains("22");
                assertThat(daemon.cli("vm", "ports", "extras").out()).contains("sshd");
                JsonNode health = c.callRaw("vm.health", Map.of("name", "extras"), null, e -> { });
                assertThat(health.path("ssh").asBoolean()).as(health.toString()).isTrue();
                assertThat(health.path("vmm").asText()).isEqualTo("running");

                assertThatThrownBy(() -> c.callRaw("vm.set", Map.of("name", "extras", "vcpu", 1), null, e -> { }))
                        .isInstanceOfSatisfying(RpcException.class, e -> {
                            assertThat(e.code().wire()).isEqualTo("conflict");
                            assertThat(e.getMessage()).contains("banger vm stop extras");
                        });
                c.callRaw("vm.stop", Map.of("names", List.of("extras")), null, e -> { });
                DaemonFixture.CliResult set = daemon.cli("vm", "set", "extras", "--vcpu", "1", "--memory", "512");
                assertThat(set.exit()).as(set.err()).isZero();
                assertThat(set.out()).contains("1 vcpu, 512 MiB");
                c.callRaw("vm.start", Map.of("names", List.of("extras")), null, e -> { });

                assertThat(exec(c, "extras", "nproc").trim()).isEqualTo("1");
                long memKb = Long.parseLong(exec(c, "extras", "sh", "-c", "awk '/MemTotal/ {print $2}' /proc/meminfo").trim());
                assertThat(memKb).isBetween(256L * 1024, 512L * 1024);
                assertThat(banner(extra)).startsWith("SSH-2.0-");

                JsonNode pruned = c.callRaw("vm.prune", null, null, e -> { }).path("vms");
                assertThat(pruned.findValuesAsText("name")).contains("idle").doesNotContain("extras");
                assertThat(c.callRaw("vm.show", Map.of("name", "extras"), null, e -> { }).path("state").asText()).isEqualTo("running");
                assertThatThrownBy(() -> c.callRaw("vm.show", Map.of("name", "idle"), null, e -> { }))
                        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("not_found"));
            } finally {
                for (String n : List.of("extras", "idle")) {
                    try {
                        c.callRaw("vm.delete", Map.of("names", List.of(n)), null, e -> { });
                    } catch (RpcException gone) {
                        // already deleted (prune) or never made
                    }
                }
            }
        }
    }

    /** The first line a TCP server on 127.0.0.1:port sends (an sshd sends its version at once). */
    private static String banner(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
            return line.toString().strip();
        }
    }
}
