package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Bridge networking end to end, under the host's network rule: everything with a private address lives
 * in a network namespace this test creates (and deletes). A real bangerd-root does its network work in
 * there ({@code --netns}), and a real bangerd, configured with {@code [vm] netns}, starts the VMs' QEMU
 * and ssh inside it. Only the daemon's DNS listener is on the host's loopback. Needs root (helper,
 * nsenter) and QEMU; skips with the reason otherwise. Its own daemon builds the default image (~40 s).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BridgeIT {
    private static final String BRIDGE = "bgr-banger0";
    private static String netns;
    private static Path helperDir;
    private static Process helper;
    private static Path helperSocket;
    private static DaemonFixture daemon;
    /** Every VMM pid seen, so a failing test can still make sure none outlives it. */
    private static final Set<Long> vmmPids = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void namespaceHelperAndDaemon() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "bridge networking needs root here (bangerd-root, ip netns, nsenter)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")), "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)");
        for (String tool : List.of("/usr/sbin/ip", "/usr/sbin/nft", "/usr/bin/nsenter", "/usr/bin/ssh-keyscan")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is missing");
        }
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        netns = "bgit-" + HexFormat.of().formatHex(b);
        run("ip", "netns", "add", netns);
        try {
            startHelper();
            daemon = DaemonFixture.withPlugins();
            daemon.env.put("BANGER_HELPER_SOCKET", helperSocket.toString());
            daemon.config("[vm]\nnetns = \"" + netns + "\"\n").start();
            try (RpcClient c = daemon.client()) {
                String kernelOp = c.callRaw("kernel.pull", Map.of(), null, e -> { }).path("id").asText();
                String imageOp = c.callRaw("image.pull", Map.of("ref", "debian-bookworm"), null, e -> { }).path("id").asText();
                for (String op : List.of(kernelOp, imageOp)) {
                    JsonNode done = c.callRaw("daemon.operations.wait", Map.of("id", op, "timeout_ms", 600_000), null, e -> { });
                    assertThat(done.path("error").isMissingNode()).as(done.toString()).isTrue();
                }
            }
        } catch (Throwable t) {
            tearDown();
            throw t;
        }
    }

    private static void startHelper() throws Exception {
        if (helperDir == null) {
            helperDir = Files.createTempDirectory(Path.of("/tmp"), "bgith");
        }
        helperSocket = helperDir.resolve("run/bangerd-root.sock");
        Path config = helperDir.resolve("helper.toml");
        Files.writeString(config, "");
        ProcessBuilder pb = new ProcessBuilder(DaemonFixture.tree().resolve("bin/bangerd-root").toString(), "--config", config.toString(),
                "--owner-uid", "0", "--socket", helperSocket.toString(), "--netns", netns);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(helperDir.resolve("helper.out").toFile()));
        helper = pb.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (!helper.isAlive()) {
                throw new IllegalStateException("bangerd-root exited: " + Files.readString(helperDir.resolve("helper.out")));
            }
            if (Files.exists(helperSocket)) {
                try (RpcClient c = RpcClient.connect(helperSocket)) {
                    c.callRaw("priv.ping", null, null, e -> { });
                    return;
                } catch (IOException | RuntimeException notYet) {
                    // bound, not yet serving
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("bangerd-root did not answer within 30 s");
    }

    private static void stopHelper() throws InterruptedException {
        if (helper != null && helper.isAlive()) {
            helper.destroy();
            if (!helper.waitFor(15, TimeUnit.SECONDS)) {
                helper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        try {
            if (daemon != null && daemon.process() != null && daemon.process().isAlive()) {
                try (RpcClient c = daemon.client()) {
                    for (JsonNode vm : c.callRaw("vm.list", null, null, e -> { }).path("vms")) {
                        try {
                            c.callRaw("vm.delete", Map.of("names", List.of(vm.path("name").asText())), null, e -> { });
                        } catch (RuntimeException e) {
                            System.err.println("BridgeIT cleanup: " + e.getMessage());
                        }
                    }
                } catch (Exception e) {
                    System.err.println("BridgeIT cleanup: " + e);
                }
            }
        } finally {
            try {
                for (long pid : vmmPids) {
                    ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").contains("qemu-system")).ifPresent(ProcessHandle::destroyForcibly);
                }
                if (daemon != null) {
                    daemon.close();
                }
            } finally {
                stopHelper();
                if (netns != null) {
                    runQuietly("ip", "netns", "delete", netns);
                }
                if (helperDir != null) {
                    try (var walk = Files.walk(helperDir)) {
                        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        }
    }

    private static JsonNode create(RpcClient c, String name, boolean nat) {
        JsonNode vm = c.callRaw("vm.create", Map.of("name", name, "network", "bridge", "nat", nat), null, e -> { });
        vmmPids.add(vm.path("pid").asLong());
        return vm;
    }

    private static String exec(RpcClient c, String name, String... argv) {
        return GuestExec.ok(c, name, argv);
    }

    @Test
    @Order(1)
    void aBridgeVmGetsItsAddressTapNatSshAndDnsSurvivesAHelperKillKeepsItsAddressAcrossStopStartAndDeleteTakesThemAllAway() throws Exception {
        try (RpcClient c = daemon.client()) {
            long t0 = System.nanoTime();
            JsonNode vm = create(c, "br1", true);
            System.out.printf("BridgeIT: bridge VM create -> ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            assertThat(vm.path("state").asText()).isEqualTo("running");
            assertThat(vm.path("network").asText()).isEqualTo("bridge");
            String ip = vm.path("ip").asText();
            assertThat(ip).isEqualTo("172.30.0.2");
            assertThat(vm.path("ssh_port").isMissingNode()).as("no forward for a bridge VM").isTrue();

            String tap = tapOf(BRIDGE);
            assertThat(tap).startsWith("bgr-");
            assertThat(run("ip", "-n", netns, "link", "show", "dev", tap)).contains("master " + BRIDGE);
            assertThat(run("ip", "-n", netns, "-4", "addr", "show", "dev", BRIDGE)).contains("172.30.0.1/24");
            assertThat(ruleset()).contains("guest=" + ip).contains("tap=" + tap);
            assertThat(run("ip", "link", "show")).as("nothing in the host's own namespace").doesNotContain(tap).doesNotContain(BRIDGE);

            // ssh goes straight to the bridge address: the guest really has it, and vm.ssh says so
            assertThat(exec(c, "br1", "ip", "-4", "-o", "addr", "show")).contains(ip + "/24");
            assertThat(exec(c, "br1", "hostname").trim()).isEqualTo("br1");
            JsonNode ssh = c.callRaw("vm.ssh", Map.of("name", "br1"), null, e -> { });
            assertThat(ssh.path("host").asText()).isEqualTo(ip);
            assertThat(ssh.path("port").asInt()).isEqualTo(22);
            assertThat(ssh.path("netns").asText()).isEqualTo(netns);
            Path knownHosts = daemon.root.resolve("state/banger/vm/ssh/known_hosts");
            assertThat(Files.readString(knownHosts)).contains(ip + " ssh-ed25519");

            JsonNode dns = c.callRaw("vm.dns", null, null, e -> { });
            int port = dns.path("port").asInt();
            assertThat(Files.readString(Path.of(dns.path("port_file").asText())).strip()).isEqualTo(Integer.toString(port));
            assertThat(Dns.ask(port, "br1.vm")).isEqualTo(new Dns.Answer(0, ip));
            assertThat(Dns.ask(port, "BR1.VM")).isEqualTo(new Dns.Answer(0, ip));
            assertThat(Dns.ask(port, "nope.vm").rcode()).isEqualTo(3);
            assertThat(Dns.ask(port, "example.com").rcode()).isEqualTo(5);

            assertThat(daemon.cli("vm", "dns").out()).contains("127.0.0.1:" + port);
            assertThat(daemon.cli("vm", "show", "br1").out()).contains("ssh " + ip + ":22");

            // bangerd-root SIGKILLed under a running bridge VM: the guest keeps running and answering (the helper only
            // made the tap); a restarted helper (stale socket and all) serves the stop below, which takes the tap away
            long vmm = vm.path("pid").asLong();
            helper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(ProcessHandle.of(vmm).map(ProcessHandle::isAlive).orElse(false)).isTrue();
            assertThat(exec(c, "br1", "hostname").trim()).isEqualTo("br1");
            assertThat(c.callRaw("vm.show", Map.of("name", "br1"), null, e -> { }).path("state").asText()).isEqualTo("running");
            startHelper();

            // stop: the tap and NAT rule go with the VMM, the name stops resolving, the address stays the VM's
            c.callRaw("vm.stop", Map.of("names", List.of("br1")), null, e -> { });
            assertThat(run("ip", "-n", netns, "-o", "link", "show")).doesNotContain(tap);
            assertThat(ruleset()).doesNotContain("guest=" + ip);
            assertThat(Dns.ask(port, "br1.vm").rcode()).isEqualTo(3);
            // start: same address, same tap name, NAT again, and the pinned host key still matches
            JsonNode again = c.callRaw("vm.start", Map.of("names", List.of("br1")), null, e -> { }).path("vms").path(0);
            vmmPids.add(again.path("pid").asLong());
            assertThat(again.path("ip").asText()).isEqualTo(ip);
            assertThat(tapOf(BRIDGE)).isEqualTo(tap);
            assertThat(ruleset()).contains("guest=" + ip);
            assertThat(exec(c, "br1", "ip", "-4", "-o", "addr", "show")).contains(ip + "/24");
            assertThat(Dns.ask(port, "br1.vm")).isEqualTo(new Dns.Answer(0, ip));

            c.callRaw("vm.delete", Map.of("names", List.of("br1")), null, e -> { });
            assertThat(ProcessHandle.of(again.path("pid").asLong()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(run("ip", "-n", netns, "-o", "link", "show")).doesNotContain(tap);
            assertThat(ruleset()).doesNotContain("guest=" + ip);
            assertThat(Dns.ask(port, "br1.vm").rcode()).isEqualTo(3);
            assertThat(Files.readString(knownHosts)).doesNotContain("br1").doesNotContain(ip + " ");
        }
    }

    @Test
    @Order(2)
    void parallelBridgeCreatesGetDistinctLowestFreeAddresses() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonNode>> made = new ArrayList<>();
            for (String name : List.of("par1", "par2")) {
                made.add(pool.submit(() -> {
                    try (RpcClient c = daemon.client()) {
                        return create(c, name, false);
                    }
                }));
            }
            List<String> ips = new ArrayList<>();
            for (Future<JsonNode> f : made) {
                ips.add(f.get(10, TimeUnit.MINUTES).path("ip").asText());
            }
            // br1 was deleted, so its address is free again: the two get .2 and .3, in some order
            assertThat(ips).containsExactlyInAnyOrder("172.30.0.2", "172.30.0.3");
            try (RpcClient c = daemon.client()) {
                for (String name : List.of("par1", "par2")) {
                    String ip = c.callRaw("vm.show", Map.of("name", name), null, e -> { }).path("ip").asText();
                    assertThat(exec(c, name, "ip", "-4", "-o", "addr", "show")).contains(ip + "/24");
                }
                assertThat(ruleset()).as("no nat asked, none made").doesNotContain("guest=172.30.0.");
                c.callRaw("vm.delete", Map.of("names", List.of("par1", "par2")), null, e -> { });
            }
            assertThat(run("ip", "-n", netns, "-o", "link", "show", "master", BRIDGE)).isBlank();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void withoutTheHelperABridgeCreateFailsClearlyAndLeavesNothing() throws Exception {
        stopHelper();
        try (RpcClient c = daemon.client()) {
            assertThatThrownBy(() -> c.callRaw("vm.create", Map.of("name", "nohelper", "network", "bridge"), null, e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.code().wire()).isEqualTo("operation_failed");
                        assertThat(e.getMessage()).contains("bridge networking needs bangerd-root, which is not reachable");
                    });
            assertThat(c.callRaw("vm.list", null, null, e -> { }).path("vms").toString()).doesNotContain("nohelper");
            assertThat(daemon.root.resolve("state/banger/vm/vms/nohelper")).doesNotExist();
            assertThatThrownBy(() -> c.callRaw("vm.create.begin", Map.of("name", "natuser", "network", "user", "nat", true), null, e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.code().wire()).isEqualTo("bad_request");
                        assertThat(e.getMessage()).contains("params.nat");
                    });
        } finally {
            startHelper();
        }
    }

    /** The tap attached to the bridge (exactly one while one VM runs). */
    private static String tapOf(String bridge) throws Exception {
        JsonNode links = Json.mapper().readTree(run("ip", "-n", netns, "-j", "link", "show", "master", bridge));
        assertThat(links.size()).as(links.toString()).isEqualTo(1);
        return links.path(0).path("ifname").asText();
    }

    private static String ruleset() throws Exception {
        return run("ip", "netns", "exec", netns, "nft", "list", "ruleset");
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
        }
        return out;
    }

    private static void runQuietly(String... argv) {
        try {
            run(argv);
        } catch (Exception e) {
            System.err.println("BridgeIT cleanup: " + e.getMessage());
        }
    }

    /** A DNS client as small as the test needs: one A question by hand, rcode and the first A record back. */
    static final class Dns {
        record Answer(int rcode, String address) {
        }

        static Answer ask(int port, String name) throws IOException {
            ByteArrayOutputStream q = new ByteArrayOutputStream();
            q.writeBytes(new byte[] {0x4a, 0x11, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0});
            for (String label : name.split("\\.")) {
                q.write(label.length());
                q.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
            }
            q.writeBytes(new byte[] {0, 0, 1, 0, 1});
            byte[] packet = q.toByteArray();
            try (DatagramSocket s = new DatagramSocket()) {
                s.setSoTimeout(3000);
                s.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
                DatagramPacket in = new DatagramPacket(new byte[512], 512);
                try {
                    s.receive(in);
                } catch (SocketTimeoutException e) {
                    throw new IOException("no DNS answer from 127.0.0.1:" + port + " for " + name, e);
                }
                byte[] r = in.getData();
                assertThat(r[0]).isEqualTo((byte) 0x4a);
                int rcode = r[3] & 0x0F;
                int answers = ((r[6] & 0xFF) << 8) | (r[7] & 0xFF);
                if (answers == 0) {
                    return new Answer(rcode, null);
                }
                // the answer follows the echoed question: 2 (name pointer) + 2 + 2 + 4 + 2, then the address
                int at = packet.length + 12;
                return new Answer(rcode, (r[at] & 0xFF) + "." + (r[at + 1] & 0xFF) + "." + (r[at + 2] & 0xFF) + "." + (r[at + 3] & 0xFF));
            }
        }
    }
}
