package dev.banger.plugins.vm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.helper.api.PingResult;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.store.VmRuntime;
import dev.banger.plugins.vm.store.VmSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which helper calls each lifecycle path makes for a bridge VM, against a recording helper: tap and NAT
 * up before a boot, down when the VMM is gone (kill, re-attach to a dead VMM), and a strict delete that
 * keeps the row when the helper cannot remove the tap.
 */
class BridgeCleanupTest {
    private static final PingResult PING = new PingResult("bangerd-root", "test", 0, "bgr-", "172.16.0.0/12", null);
    @TempDir
    Path dir;
    private FakeVmWorld world;
    private final RecordingHelper helper = new RecordingHelper();

    @BeforeEach
    void world() throws Exception {
        world = new FakeVmWorld(dir);
    }

    private VmRecord bridgeVm(String name, String id, boolean running, boolean nat) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run/" + id));
        VmRuntime rt = new VmRuntime(id, FakeVmWorld.RecordingBackend.NAME, running ? 4242L : null, running ? run.resolve("qmp.sock").toString() : null,
                run.toString(), Files.createDirectories(dir.resolve("vms/" + name)).toString(), null, null, "52:54:00:00:00:09", List.of(),
                "/img/rootfs.ext4", "/k/vmlinuz", null, "/sbin/init");
        VmRecord r = new VmRecord(name, running ? "running" : "stopped", new VmSpec("i", "k", 1, 512, 1L << 30, "bridge", nat), rt,
                Instant.now(), Instant.now(), null);
        return world.store.insertWithLease(r, world.bridge().chooser(name, id, PING)).orElseThrow();
    }

    @Test
    void beforeABootTheBridgeTheVmsOwnTapAndItsNatAreMade() throws Exception {
        VmRecord r = bridgeVm("dev", "0000000a", false, true);
        BridgeLink.up(world, r, helper);
        assertThat(helper.calls).containsExactly(
                "priv.ping {}",
                "priv.bridge.ensure {\"name\":\"bgr-banger0\",\"cidr\":\"172.30.0.1/24\"}",
                "priv.tap.create {\"name\":\"bgr-0000000a\",\"bridge\":\"bgr-banger0\",\"owner_uid\":0}",
                "priv.nat.enable {\"guest_ip\":\"172.30.0.2\",\"tap\":\"bgr-0000000a\"}");
    }

    @Test
    void withoutNatNoNatRuleIsAskedFor() throws Exception {
        BridgeLink.up(world, bridgeVm("dev", "0000000a", false, false), helper);
        assertThat(helper.methods()).containsExactly("priv.ping", "priv.bridge.ensure", "priv.tap.create");
    }

    @Test
    void aHelperWorkingInAnotherNamespaceThanConfiguredIsRefused() {
        var settings = dev.banger.plugins.vm.net.BridgeSettings.from(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("netns", "banger-test-1"));
        assertThatThrownBy(() -> new dev.banger.plugins.vm.net.BridgeNetwork(settings, () -> 53).reach(helper))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("operation_failed"))
                .hasMessageContaining("bangerd-root works in network namespace (none: the host's)")
                .hasMessageContaining("[vm] netns is banger-test-1");
    }

    @Test
    void badBridgeSettingsNameTheirKey() {
        for (String[] kv : new String[][] {{"bridge_subnet", "172.30.0.5/24"}, {"bridge_subnet", "172.30.0.0/30"}, {"bridge", "Eth0"},
                {"netns", "../x"}, {"guest_dns", "dns.example"}, {"dns_port", "70000"}}) {
            var config = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put(kv[0], kv[1]);
            if (kv[0].equals("dns_port")) {
                config.put(kv[0], Integer.parseInt(kv[1]));
            }
            assertThatThrownBy(() -> dev.banger.plugins.vm.net.BridgeSettings.from(config)).as(kv[0] + "=" + kv[1])
                    .isInstanceOf(RpcException.class).hasMessageContaining("[vm] " + kv[0]);
        }
    }

    @Test
    void aCreateWhoseTapCannotBeMadeLeavesNothing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-img")), "qemu-img is not installed");
        Path base = dir.resolve("rootfs.ext4");
        Files.write(base, new byte[1 << 20]);
        VmRuntime rt = new VmRuntime("0000000c", FakeVmWorld.RecordingBackend.NAME, null, null, world.paths().run("0000000c").toString(),
                world.paths().disks("dev").toString(), null, null, "52:54:00:00:00:0c", List.of(), base.toString(), "/k/vmlinuz", null, "/sbin/init");
        VmRecord r = new VmRecord("dev", "created", new VmSpec("i", "k", 1, 512, 64L << 20, "bridge", true), rt, Instant.now(), Instant.now(), null);
        helper.failOn = "priv.tap.create";
        VmCreate.Plan plan = new VmCreate.Plan(r, world.backend, true, java.time.Duration.ofSeconds(5), helper, PING);

        assertThatThrownBy(() -> new VmCreate(world).run(plan, new NoProgress())).hasMessageContaining("priv.tap.create failed");
        assertThat(world.store.find("dev")).isEmpty();
        assertThat(world.store.lease("dev")).isEmpty();
        assertThat(world.paths().disks("dev")).doesNotExist();
        assertThat(helper.methods()).endsWith("priv.tap.create", "priv.nat.disable", "priv.tap.delete");
        assertThat(world.backend.calls).as("no VMM was launched").isEmpty();
    }

    private static final class NoProgress implements dev.banger.kernel.api.OperationProgress {
        @Override
        public String id() {
            return "op-0000000000000001";
        }

        @Override
        public void stage(String stage) {
        }

        @Override
        public void progress(double fraction) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void checkCancelled() {
        }

        @Override
        public dev.banger.kernel.api.CallContext context() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void killingTheVmRemovesTapAndNatButKeepsItsAddress() throws Exception {
        bridgeVm("dev", "0000000a", true, true);
        world.backend.gone = true;
        VmRecord stopped = new VmLifecycle(world, helper).kill("dev", "KILL");
        assertThat(stopped.state()).isEqualTo("stopped");
        assertThat(helper.calls).containsExactly(
                "priv.nat.disable {\"guest_ip\":\"172.30.0.2\",\"tap\":\"bgr-0000000a\"}",
                "priv.tap.delete {\"name\":\"bgr-0000000a\"}");
        assertThat(world.store.lease("dev")).isPresent();
    }

    @Test
    void reattachCleansUpADeadBridgeVmsTapAndNat() throws Exception {
        bridgeVm("dev", "0000000a", true, true);
        world.backend.gone = true;
        Reattach.run(world, helper);
        assertThat(world.row("dev").state()).isEqualTo("stopped");
        assertThat(helper.methods()).containsExactly("priv.nat.disable", "priv.tap.delete");
        assertThat(world.store.lease("dev").orElseThrow().ip()).isEqualTo("172.30.0.2");
    }

    @Test
    void deleteNeedsTheHelperAndOnlyThenReleasesTheAddress() throws Exception {
        bridgeVm("dev", "0000000a", false, true);
        helper.down = true;
        assertThatThrownBy(() -> new VmLifecycle(world, helper).delete("dev", java.time.Duration.ofSeconds(1)))
                .isInstanceOf(RpcException.class).hasMessageContaining("bangerd-root");
        assertThat(world.store.find("dev")).as("the row stays so a retry can finish").isPresent();
        assertThat(world.store.lease("dev")).isPresent();

        helper.down = false;
        new VmLifecycle(world, helper).delete("dev", java.time.Duration.ofSeconds(1));
        assertThat(world.store.find("dev")).isEmpty();
        assertThat(world.store.lease("dev")).isEmpty();
        assertThat(helper.methods()).containsExactly("priv.nat.disable", "priv.tap.delete");
        assertThat(bridgeVm("next", "0000000b", false, false).runtime().ip()).isEqualTo("172.30.0.2");
    }
}
