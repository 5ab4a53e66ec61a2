package dev.banger.plugins.vm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.store.VmRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmResizePruneHealthTest {
    @TempDir
    Path dir;
    private FakeVmWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new FakeVmWorld(dir);
    }

    @Test
    void aStoppedOrCreatedVmTakesANewSizeAndKeepsTheRest() throws Exception {
        world.put("a", "stopped", 30001);
        world.put("b", "created", 30002);
        VmRecord a = new VmResize(world).set("a", 1, 512);
        assertThat(a.spec().vcpu()).isEqualTo(1);
        assertThat(a.spec().memoryMib()).isEqualTo(512);
        assertThat(world.row("a").spec()).isEqualTo(a.spec());
        assertThat(a.spec().image()).isEqualTo("debian-bookworm");
        VmRecord b = new VmResize(world).set("b", null, 2048);
        assertThat(b.spec().vcpu()).isEqualTo(2);
        assertThat(b.spec().memoryMib()).isEqualTo(2048);
    }

    @Test
    void anyOtherStateIsAConflictThatSaysToStopFirst() throws Exception {
        for (String state : new String[] {"running", "starting", "stopping", "error"}) {
            world.put("vm-" + state, state, 30000 + state.length());
            assertThatThrownBy(() -> new VmResize(world).set("vm-" + state, 1, null)).as(state)
                    .isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                        assertThat(e.getMessage()).contains("banger vm stop vm-" + state);
                    });
            assertThat(world.row("vm-" + state).spec().vcpu()).isEqualTo(2);
        }
    }

    @Test
    void pruneDeletesEveryVmWithoutAVmmAndLeavesTheBusyOnes() throws Exception {
        world.put("made", "created", 30001);
        world.put("off", "stopped", 30002);
        world.put("failed", "error", 30003);
        world.put("up", "running", 30004);
        world.put("booting", "starting", 30005);
        assertThat(new VmPrune(world, HelperNotGiven.INSTANCE).prune()).extracting(VmRecord::name).containsExactly("failed", "made", "off");
        assertThat(world.store.list()).extracting(VmRecord::name).containsExactly("booting", "up");
        assertThat(world.paths().disks("off")).doesNotExist();
        assertThat(world.paths().disks("up")).isDirectory();
        assertThat(world.backend.calls).isEmpty();
        assertThat(new VmPrune(world, HelperNotGiven.INSTANCE).prune()).isEmpty();
    }

    @Test
    void healthAsksTheVmmAndSshWhateverTheRowSays() throws Exception {
        world.put("off", "stopped", 30001);
        world.put("up", "running", 30002);
        assertThat(new VmHealthCheck(world).check("off")).isEqualTo(new dev.banger.plugins.vm.api.VmHealth("off", "stopped", "none", false));
        // the fake VMM runs but no sshd answers: the row's "running" does not make ssh true
        assertThat(new VmHealthCheck(world).check("up")).isEqualTo(new dev.banger.plugins.vm.api.VmHealth("up", "running", "running", false));
        assertThatThrownBy(() -> new VmHealthCheck(world).check("nope"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void theVmmDetailIsAddedWhenItSaysMoreThanTheState() {
        assertThat(VmHealthCheck.describe(new MachineStatus(MachineStatus.State.RUNNING, "running"))).isEqualTo("running");
        assertThat(VmHealthCheck.describe(new MachineStatus(MachineStatus.State.PAUSED_ON_ERROR, "guest-panicked")))
                .isEqualTo("paused_on_error: guest-panicked");
        assertThat(VmHealthCheck.describe(new MachineStatus(MachineStatus.State.GONE, "process 12 is not this VM's qemu")))
                .isEqualTo("gone: process 12 is not this VM's qemu");
    }
}
