package dev.banger.plugins.vm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.PortForward;
import dev.banger.plugins.vm.api.VmForwards;
import dev.banger.plugins.vm.backend.MachineSpec;
import dev.banger.plugins.vm.store.VmRuntime;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmPortForwardsTest {
    @TempDir
    Path dir;
    private FakeVmWorld world;
    private VmPortForwards forwards;

    @BeforeEach
    void world() throws Exception {
        world = new FakeVmWorld(dir);
        forwards = new VmPortForwards(world);
    }

    private static void refusedWith(ErrorCode code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void onARunningVmTheVmmGetsTheForwardAtOnceAndTheRowKeepsIt() throws Exception {
        world.put("dev", "running", 30001);
        VmForwards r = forwards.add("dev", 8080, null);
        int host = r.changed().hostPort();
        assertThat(host).isNotEqualTo(30001);
        assertThat(world.backend.calls).containsExactly("add " + host + "->8080");
        assertThat(world.row("dev").runtime().forwards()).contains(new VmRuntime.Forward(host, 8080));
        assertThat(forwards.list("dev").forwards()).containsExactly(new PortForward(30001, 22, true), new PortForward(host, 8080, false));
    }

    @Test
    void onAStoppedVmTheForwardIsOnlyRecordedAndTheNextLaunchGetsEveryForward() throws Exception {
        world.put("dev", "stopped", 30001);
        int host = forwards.add("dev", 8080, null).changed().hostPort();
        assertThat(world.backend.calls).isEmpty();
        MachineSpec spec = MachineSpecs.of(world.row("dev"), world.paths(), java.util.Optional.empty(), world.bridge());
        assertThat(spec.forwards()).containsExactly(new MachineSpec.Forward(30001, 22), new MachineSpec.Forward(host, 8080));
    }

    @Test
    void aHostPortAnyVmHoldsIsRefusedEvenWhenThatVmIsStopped() throws Exception {
        world.put("dev", "running", 30001);
        world.put("other", "stopped", 30002, new VmRuntime.Forward(30003, 80));
        refusedWith(ErrorCode.CONFLICT, () -> forwards.add("dev", 80, 30003));
        refusedWith(ErrorCode.CONFLICT, () -> forwards.add("dev", 80, 30002));
        refusedWith(ErrorCode.CONFLICT, () -> forwards.add("dev", 80, 30001));
        assertThat(world.backend.calls).isEmpty();
    }

    @Test
    void aHostPortSomethingOnTheHostListensOnIsRefused() throws Exception {
        world.put("dev", "running", 30001);
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedWith(ErrorCode.CONFLICT, () -> forwards.add("dev", 80, busy.getLocalPort()));
        }
    }

    @Test
    void theSshForwardStaysButAnotherForwardToPort22Goes() throws Exception {
        world.put("dev", "running", 30001, new VmRuntime.Forward(30002, 22));
        refusedWith(ErrorCode.CONFLICT, () -> forwards.remove("dev", 30001));
        VmForwards r = forwards.remove("dev", 30002);
        assertThat(r.changed()).isEqualTo(new PortForward(30002, 22, false));
        assertThat(r.forwards()).containsExactly(new PortForward(30001, 22, true));
        assertThat(world.backend.calls).containsExactly("remove 30002");
        refusedWith(ErrorCode.NOT_FOUND, () -> forwards.remove("dev", 30002));
    }

    @Test
    void anUnknownVmIsNotFound() {
        refusedWith(ErrorCode.NOT_FOUND, () -> forwards.add("nope", 80, null));
        refusedWith(ErrorCode.NOT_FOUND, () -> forwards.list("nope"));
    }
}
