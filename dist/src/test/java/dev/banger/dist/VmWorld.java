package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One daemon per test JVM with the default image and Debian's cloud kernel built, shared by every
 * integration test that boots VMs: building the image costs ~40 s, so each test class paying it
 * would push the suite past its time budget. Tests that kill or restart the daemon restart it on
 * the same root ({@link DaemonFixture#start()}), so the next class still finds it answering.
 * A shutdown hook deletes every VM left and stops the daemon, even when a test failed.
 */
final class VmWorld {
    private static DaemonFixture daemon;
    private static String guestKernel;

    private VmWorld() {
    }

    /** The shared daemon; skips the calling test with the reason when QEMU is not installed. */
    static synchronized DaemonFixture daemon() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")), "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)");
        if (daemon == null) {
            DaemonFixture d = DaemonFixture.withPlugins().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> cleanUp(d), "vm-world-cleanup"));
            try (RpcClient c = d.client()) {
                String kernelOp = c.callRaw("kernel.pull", Map.of(), null, e -> { }).path("id").asText();
                String imageOp = c.callRaw("image.pull", Map.of("ref", "debian-bookworm"), null, e -> { }).path("id").asText();
                for (String op : List.of(kernelOp, imageOp)) {
                    JsonNode done = c.callRaw("daemon.operations.wait", Map.of("id", op, "timeout_ms", 600_000), null, e -> { });
                    assertThat(done.path("error").isMissingNode()).as(done.toString()).isTrue();
                }
                guestKernel = c.callRaw("kernel.show", Map.of("name", "debian-cloud"), null, e -> { }).path("version").asText();
            }
            daemon = d;
        }
        if (!daemon.process().isAlive()) {
            daemon.start();
        }
        return daemon;
    }

    /** The guest kernel's release (what `uname -r` prints inside a VM). */
    static String guestKernel() throws Exception {
        daemon();
        return guestKernel;
    }

    /** Deletes the named VMs if they exist; for a test's finally block. */
    static void deleteQuietly(String... names) {
        if (daemon == null) {
            return;
        }
        try (RpcClient c = daemon.client()) {
            for (String name : names) {
                try {
                    c.callRaw("vm.delete", Map.of("names", List.of(name)), null, e -> { });
                } catch (RuntimeException absent) {
                    // already gone
                }
            }
        } catch (Exception unreachable) {
            // the shutdown hook retries
        }
    }

    private static void cleanUp(DaemonFixture d) {
        try {
            if (d.process() != null && d.process().isAlive()) {
                try (RpcClient c = d.client()) {
                    for (JsonNode vm : c.callRaw("vm.list", null, null, e -> { }).path("vms")) {
                        c.callRaw("vm.delete", Map.of("names", List.of(vm.path("name").asText())), null, e -> { });
                    }
                }
            }
        } catch (Exception ignored) {
            // closing below still stops the daemon and removes its files
        } finally {
            try {
                d.close();
            } catch (Exception ignored) {
                // nothing more to do at JVM exit
            }
        }
    }
}
