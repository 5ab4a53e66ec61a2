package dev.banger.plugins.vm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.plugins.vm.store.VmRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a daemon finds at start after its predecessor was killed half-way through a create or a delete. */
class CrashRecoveryTest {
    @TempDir
    Path dir;
    private FakeVmWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new FakeVmWorld(dir);
    }

    @Test
    void aCreateKilledBeforeItsPidWasRecordedIsUndoneAndItsVmmFoundThroughTheRunDir() throws Exception {
        VmRecord r = world.put("half", VmStates.CREATING, 30001);
        Files.writeString(Path.of(r.runtime().runDir()).resolve("qemu.pid"), "5150\n");
        VmStartup.reattach(world, null);
        assertThat(world.backend.calls).containsExactly("kill KILL 5150");
        assertThat(world.store.find("half")).isEmpty();
        assertThat(Path.of(r.runtime().diskDir())).doesNotExist();
        assertThat(Path.of(r.runtime().runDir())).doesNotExist();
    }

    @Test
    void aDeleteKilledHalfWayIsFinishedAndTheOthersAreLeftAlone() throws Exception {
        VmRecord gone = world.put("going", VmStates.DELETING, 30001);
        world.put("kept", "stopped", 30002);
        world.put("made", "created", 30003);
        VmStartup.reattach(world, null);
        assertThat(world.store.find("going")).isEmpty();
        assertThat(Path.of(gone.runtime().diskDir())).doesNotExist();
        assertThat(world.store.list()).extracting(VmRecord::name).containsExactly("kept", "made");
        assertThat(world.row("made").state()).isEqualTo("created");
    }

    @Test
    void aRunningVmWhoseVmmDiedMeanwhileIsStoppedWithTheReasonUnlessTheGuestPoweredOff() throws Exception {
        VmRecord killed = world.put("killed", "running", 30001);
        VmRecord off = world.put("off", "running", 30002);
        Files.writeString(Path.of(off.runtime().runDir()).resolve("console.log"), "...\n[   12.3] reboot: Power down\n");
        world.backend.vmmAlive = false;
        VmStartup.reattach(world, null);
        assertThat(world.row("killed").state()).isEqualTo("stopped");
        assertThat(world.row("killed").lastError()).contains("exited while the guest was running", "banger vm start killed");
        assertThat(world.row("off").state()).isEqualTo("stopped");
        assertThat(world.row("off").lastError()).isNull();
        assertThat(killed.runtime().pid()).isNotNull();
        assertThat(world.row("killed").runtime().pid()).isNull();
    }

    @Test
    void theWatchNoticesADeadVmmWithoutAnyCallAndLeavesBusyVmsToTheirCalls() throws Exception {
        world.put("up", "running", 30001);
        world.put("booting", "starting", 30002);
        VmmWatch watch = new VmmWatchProbe(world).sweepOnce();
        assertThat(world.row("up").state()).isEqualTo("running");
        world.backend.vmmAlive = false;
        world.locks().of("booting").lock(); // a call holds it; the watch must not wait for it
        try {
            watch.sweep();
            assertThat(world.row("up").state()).as("one sweep is not enough: it could be a glitch").isEqualTo("running");
            watch.sweep();
        } finally {
            world.locks().of("booting").unlock();
        }
        assertThat(world.row("up").state()).isEqualTo("stopped");
        assertThat(world.row("up").lastError()).contains("killed or crashed");
        assertThat(world.row("booting").state()).isEqualTo("starting");
        watch.close();
    }

    /** Runs one sweep on the test thread instead of waiting for the timer. */
    private record VmmWatchProbe(VmRuntimeServices s) {
        VmmWatch sweepOnce() {
            VmmWatch w = VmmWatch.start(s, null, 3_600_000);
            w.sweep();
            return w;
        }
    }
}
