package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults under VMs, on the shared VM daemon: bangerd SIGKILLed during vm.create (while the disks are
 * made, while the guest boots) and during vm.delete, and a VMM killed under a running VM. After each,
 * the VM is whole or gone: no VMM process, no disk dir, no run dir, no row in between, and the
 * operation is reported failed (not unknown) by the restarted daemon.
 */
class VmFaultIT {
    private static final Set<String> BEFORE_BOOT = Set.of("allocate", "prepare disks", "configure guest", "network");
    private static DaemonFixture daemon;

    @BeforeAll
    static void world() throws Exception {
        daemon = VmWorld.daemon();
    }

    @AfterAll
    static void cleanUp() {
        VmWorld.deleteQuietly("halfdisk", "halfboot", "watched");
    }

    @Test
    void aCreateKilledWhileItsDisksAreMadeIsUndoneAndReportedFailed() throws Exception {
        // the disk stages last a few hundred ms: poll closely, and if the create got past them first, cancel it and try again
        for (int attempt = 1; attempt <= 5; attempt++) {
            try (RpcClient c = daemon.client()) {
                String op = c.callRaw("vm.create.begin", Map.of("name", "halfdisk"), null, e -> { }).path("id").asText();
                String stage = awaitStage(c, op, s -> !s.equals("queued") && !s.equals("allocate"));
                if (BEFORE_BOOT.contains(stage)) {
                    killDaemon();
                    assertGoneAndReported(op, "halfdisk");
                    return;
                }
                c.callRaw("daemon.operations.cancel", Map.of("id", op), null, e -> { });
                c.callRaw("daemon.operations.wait", Map.of("id", op, "timeout_ms", 60_000), null, e -> { });
            }
        }
        throw new AssertionError("five creates went past the disk stages before a poll saw them");
    }

    @Test
    void aCreateKilledWhileTheGuestBootsIsUndoneItsVmmStoppedAndReportedFailed() throws Exception {
        String op;
        long pid;
        try (RpcClient c = daemon.client()) {
            op = c.callRaw("vm.create.begin", Map.of("name", "halfboot"), null, e -> { }).path("id").asText();
            awaitStage(c, op, s -> s.equals("wait for guest"));
            JsonNode vm = c.callRaw("vm.show", Map.of("name", "halfboot"), null, e -> { });
            assertThat(vm.path("state").asText()).isEqualTo("creating");
            pid = vm.path("pid").asLong();
            assertThat(ProcessTable.runs(pid, "qemu")).as("the guest is booting in QEMU pid " + pid).isTrue();
            killDaemon();
        }
        assertGoneAndReported(op, "halfboot");
        assertThat(ProcessTable.runs(pid, "qemu")).as("QEMU pid " + pid + " was stopped by the restarted daemon").isFalse();
    }

    /**
     * One VM: its QEMU is killed under it (the daemon notices by itself), it is started again, then the
     * daemon is killed while deleting it (the restarted daemon finishes the delete).
     */
    @Test
    void aVmmKilledUnderARunningVmIsNoticedAndADeleteKilledHalfWayIsFinished() throws Exception {
        try (RpcClient c = daemon.client()) {
            c.callRaw("vm.create", Map.of("name", "watched"), null, e -> { });
            long pid = c.callRaw("vm.show", Map.of("name", "watched"), null, e -> { }).path("pid").asLong();
            assertThat(ProcessTable.runs(pid, disks("watched").toString())).isTrue();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // our test's own VM, checked by pid and command line
            long deadline = System.currentTimeMillis() + 60_000;
            JsonNode seen = null;
            while (System.currentTimeMillis() < deadline) {
                // vm.list only reads the rows: it is the daemon's own watch that must notice the death
                seen = listed(c, "watched");
                if (seen.path("state").asText().equals("stopped")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(seen.path("state").asText()).as(String.valueOf(seen)).isEqualTo("stopped");
            assertThat(seen.path("last_error").asText()).contains("killed or crashed");
            assertThat(seen.path("pid").isMissingNode() || seen.path("pid").isNull()).isTrue();

            c.callRaw("vm.start", Map.of("names", List.of("watched")), null, e -> { });
            assertThat(c.callRaw("vm.show", Map.of("name", "watched"), null, e -> { }).path("state").asText()).isEqualTo("running");
        }
        long pid;
        try (RpcClient c = daemon.client()) {
            pid = c.callRaw("vm.show", Map.of("name", "watched"), null, e -> { }).path("pid").asLong();
        }
        ExecutorService deleter = Executors.newSingleThreadExecutor();
        try (RpcClient watcher = daemon.client()) {
            deleter.submit(() -> {
                try (RpcClient c = daemon.client()) {
                    return c.callRaw("vm.delete", Map.of("names", List.of("watched")), null, e -> { });
                }
            });
            long deadline = System.currentTimeMillis() + 60_000;
            while (!listed(watcher, "watched").path("state").asText().equals("deleting") && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(listed(watcher, "watched").path("state").asText()).isEqualTo("deleting");
            killDaemon();
        } finally {
            deleter.shutdownNow();
        }
        daemon.start();
        try (RpcClient c = daemon.client()) {
            assertThatThrownBy(() -> c.callRaw("vm.show", Map.of("name", "watched"), null, e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("not_found"));
        }
        assertThat(disks("watched")).doesNotExist();
        assertThat(ProcessTable.noneWithin(disks("watched") + "/", 15_000)).as("no QEMU of the deleted VM").isTrue();
        assertThat(ProcessTable.runs(pid, "qemu")).isFalse();
        assertThat(Files.readString(daemon.root.resolve("state/banger/vm/ssh/known_hosts"))).doesNotContain("watched");
    }

    private static JsonNode listed(RpcClient c, String name) {
        for (JsonNode vm : c.callRaw("vm.list", null, null, e -> { }).path("vms")) {
            if (vm.path("name").asText().equals(name)) {
                return vm;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static Path disks(String name) {
        return daemon.root.resolve("state/banger/vm/vms/" + name);
    }

    /** Polls the operation until its stage passes {@code wanted}; returns the stage seen. Fails if it ends first. */
    private static String awaitStage(RpcClient c, String op, java.util.function.Predicate<String> wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode s = c.callRaw("daemon.operations.get", Map.of("id", op), null, e -> { });
            assertThat(s.path("done").asBoolean()).as("the operation ended before the kill: " + s).isFalse();
            if (wanted.test(s.path("stage").asText())) {
                return s.path("stage").asText();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("operation " + op + " never reached the wanted stage");
    }

    private static void killDaemon() throws InterruptedException {
        daemon.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** After a restart: no row, no disks, no QEMU of it, and the create's op id is known and failed as interrupted. */
    private static void assertGoneAndReported(String op, String name) throws Exception {
        daemon.start();
        try (RpcClient c = daemon.client()) {
            JsonNode reported = c.callRaw("daemon.operations.get", Map.of("id", op), null, e -> { });
            assertThat(reported.path("done").asBoolean()).isTrue();
            assertThat(reported.at("/error/code").asText()).isEqualTo("operation_failed");
            assertThat(reported.at("/error/message").asText()).startsWith("interrupted: bangerd stopped").contains("vm.create of " + name);
            assertThatThrownBy(() -> c.callRaw("vm.show", Map.of("name", name), null, e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("not_found"));
            // the known_hosts lock, the ssh key and the name are usable again: the same create works now
            c.callRaw("vm.create", Map.of("name", name, "no_start", true), null, e -> { });
            c.callRaw("vm.delete", Map.of("names", List.of(name)), null, e -> { });
        }
        assertThat(disks(name)).doesNotExist();
        assertThat(ProcessTable.noneWithin(disks(name) + "/", 15_000)).as("no QEMU of " + name + " runs").isTrue();
        Path runRoot = daemon.root.resolve("run/banger/vm");
        if (!Files.isDirectory(runRoot)) {
            return;
        }
        try (var runs = Files.list(runRoot)) {
            // every run dir left belongs to a VM that still has a row (other tests' VMs)
            try (RpcClient c = daemon.client()) {
                int vms = c.callRaw("vm.list", null, null, e -> { }).path("vms").size();
                // directories only: the plugin's own files (the .vm DNS server's dns.port) live beside the run dirs
                assertThat(runs.filter(Files::isDirectory).count()).isLessThanOrEqualTo(vms);
            }
        }
    }
}
