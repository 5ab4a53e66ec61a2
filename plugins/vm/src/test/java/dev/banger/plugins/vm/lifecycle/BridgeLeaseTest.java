package dev.banger.plugins.vm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.helper.api.PingResult;
import dev.banger.plugins.vm.backend.MachineSpec;
import dev.banger.plugins.vm.backend.qemu.Accelerator;
import dev.banger.plugins.vm.backend.qemu.QemuArgs;
import dev.banger.plugins.vm.store.BridgeLease;
import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.store.VmRuntime;
import dev.banger.plugins.vm.store.VmSpec;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bridge leases in the real vm store: lowest free address, race-free, released with the row; and what a boot gets from one. */
class BridgeLeaseTest {
    private static final PingResult HELPER = new PingResult("bangerd-root", "test", 0, "bgr-", "172.16.0.0/12", null);
    @TempDir
    Path dir;
    private FakeVmWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new FakeVmWorld(dir);
    }

    private Optional<VmRecord> create(String name, String id) throws SQLException {
        VmRuntime rt = new VmRuntime(id, "fake", null, null, dir.resolve("run/" + id).toString(), dir.resolve("vms/" + name).toString(), null, null,
                "52:54:00:00:00:02", List.of(), "/img/rootfs.ext4", "/k/vmlinuz", null, "/sbin/init");
        VmRecord r = new VmRecord(name, "created", new VmSpec("debian-bookworm", "debian-cloud", 1, 512, 1L << 30, "bridge", true), rt,
                Instant.now(), Instant.now(), null);
        return world.store.insertWithLease(r, world.bridge().chooser(name, id, HELPER));
    }

    @Test
    void addressesAreTheLowestFreeAndAReleasedOneIsReused() throws Exception {
        assertThat(create("a", "000000a1").orElseThrow().runtime().ip()).isEqualTo("172.30.0.2");
        assertThat(create("b", "000000b1").orElseThrow().runtime().ip()).isEqualTo("172.30.0.3");
        assertThat(create("c", "000000c1").orElseThrow().runtime().ip()).isEqualTo("172.30.0.4");
        assertThat(world.store.lease("b")).contains(new BridgeLease("b", "172.30.0.3", "172.30.0.0/24", "bgr-000000b1", "bgr-banger0"));
        world.store.delete("b");
        assertThat(world.store.lease("b")).isEmpty();
        assertThat(create("d", "000000d1").orElseThrow().runtime().ip()).isEqualTo("172.30.0.3");
    }

    @Test
    void aTakenNameWritesNeitherRowNorLease() throws Exception {
        create("a", "000000a1").orElseThrow();
        assertThat(create("a", "000000a2")).isEmpty();
        assertThat(world.store.lease("a").orElseThrow().tap()).isEqualTo("bgr-000000a1");
        assertThat(create("b", "000000b1").orElseThrow().runtime().ip()).isEqualTo("172.30.0.3");
    }

    @Test
    void theStoreRefusesASecondLeaseOnOneAddressEvenIfAChooserGetsItWrong() throws Exception {
        create("a", "000000a1").orElseThrow();
        VmRecord b = new VmRecord("b", "created", new VmSpec("i", "k", 1, 512, 1L << 30, "bridge", false),
                new VmRuntime("000000b1", "fake", null, null, "/r", "/d", null, null, "52:54:00:00:00:03", List.of(), "/i", "/k", null, "/sbin/init"),
                Instant.now(), Instant.now(), null);
        assertThatThrownBy(() -> world.store.insertWithLease(b, (ips, taps) -> new BridgeLease("b", "172.30.0.2", "172.30.0.0/24", "bgr-x", "bgr-banger0")))
                .isInstanceOf(SQLException.class).hasMessageContaining("UNIQUE");
        assertThat(world.store.find("b")).isEmpty();
    }

    @Test
    void parallelCreatesGetDistinctAddressesWithoutGaps() throws Exception {
        int n = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ips = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "vm" + i;
                String id = String.format("%08x", i);
                ips.add(pool.submit((Callable<String>) () -> create(name, id).orElseThrow().runtime().ip()));
            }
            HashSet<String> got = new HashSet<>();
            for (Future<String> f : ips) {
                got.add(f.get());
            }
            HashSet<String> expected = new HashSet<>();
            for (int i = 0; i < n; i++) {
                expected.add("172.30.0." + (i + 2));
            }
            assertThat(got).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBridgeBootGetsTheLeasesTapAndAddressAndNoForwards() throws Exception {
        VmRecord r = create("dev", "0a1b2c3d").orElseThrow();
        MachineSpec spec = MachineSpecs.of(r, world.paths(), world.store.lease("dev"), world.bridge());
        assertThat(spec.tap()).isEqualTo("bgr-0a1b2c3d");
        assertThat(spec.forwards()).isEmpty();
        assertThat(spec.kernelArgs()).contains("banger.hostname=dev banger.ip=172.30.0.2/24 banger.gw=172.30.0.1").doesNotContain("10.0.2.15");

        List<String> argv = new QemuArgs(Path.of("/usr/bin/qemu-system-x86_64"), Accelerator.tcg("test"), OptionalLong.empty()).build(spec);
        assertThat(argv).containsSubsequence("-netdev", "tap,id=n0,ifname=bgr-0a1b2c3d,script=no,downscript=no",
                "-device", "virtio-net-device,netdev=n0,mac=52:54:00:00:00:02");
        assertThat(String.join(" ", argv)).doesNotContain("hostfwd").contains("banger.ip=172.30.0.2/24");
        assertThat(GuestEndpoint.of(r)).isEqualTo(new GuestEndpoint("172.30.0.2", 22));
    }

    @Test
    void aLongHelperPrefixStillGivesAnInterfaceNameWithinIfnamsiz() throws Exception {
        PingResult longPrefix = new PingResult("bangerd-root", "test", 0, "banger1-", "172.16.0.0/12", null);
        assertThat(world.bridge().chooser("x", "0a1b2c3d", longPrefix).choose(new HashSet<>(), new HashSet<>()).tap())
                .isEqualTo("banger1-0a1b2c3").hasSizeLessThanOrEqualTo(15);
    }
}
