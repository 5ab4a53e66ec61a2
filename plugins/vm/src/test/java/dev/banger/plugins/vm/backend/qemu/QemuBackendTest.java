package dev.banger.plugins.vm.backend.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.backend.Applicability;
import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.backend.MachineSpec;
import dev.banger.plugins.vm.backend.MachineStatus.State;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend's answers that need no QEMU process: applicability, capabilities, and refusing foreign pids. */
class QemuBackendTest {
    private static final Accelerator TCG = Accelerator.tcg("PVM host: /dev/kvm cannot boot stock kernels, using TCG");

    @TempDir
    Path dir;

    @Test
    void withoutQemuTheBackendSaysSo() {
        QemuBackend backend = backend(new QemuHost(Optional.empty(), Optional.of(Path.of("/usr/bin/setsid")), TCG, OptionalLong.empty()));

        assertThat(backend.applicability()).isEqualTo(Applicability.no("qemu-system-x86_64 not found"));
        assertThatThrownBy(() -> backend.launch(spec())).isInstanceOf(RpcException.class)
                .hasMessage("qemu backend cannot run here: qemu-system-x86_64 not found");
    }

    @Test
    void withQemuItAppliesAndNamesTheAccelerator() {
        QemuBackend backend = backend(new QemuHost(Optional.of(Path.of("/usr/bin/qemu-system-x86_64")),
                Optional.of(Path.of("/usr/bin/setsid")), TCG, OptionalLong.empty()));

        assertThat(backend.applicability()).isEqualTo(Applicability.yes(TCG.reason()));
    }

    @Test
    void withoutSetsidItCannotDetachAndSaysSo() {
        QemuBackend backend = backend(new QemuHost(Optional.of(Path.of("/usr/bin/qemu-system-x86_64")), Optional.empty(), TCG, OptionalLong.empty()));

        assertThat(backend.applicability().applicable()).isFalse();
        assertThat(backend.applicability().reason()).startsWith("setsid (util-linux) not found");
    }

    @Test
    void nameCapabilitiesAndPriority() {
        QemuBackend backend = QemuBackend.forThisHost();

        assertThat(backend.name()).isEqualTo("qemu");
        assertThat(backend.priority()).isEqualTo(100);
        assertThat(backend.capabilities().networkModes()).containsExactlyInAnyOrder("user", "bridge");
        assertThat(backend.capabilities().diskFormats()).containsExactlyInAnyOrder("qcow2", "raw");
        assertThat(backend.capabilities().runtimeForwards()).isTrue();
        assertThat(backend.capabilities().snapshot()).isFalse();
    }

    @Test
    void aPidThatIsNotOurQemuIsGoneAndIsNeverSignalled() throws Exception {
        // this JVM's own pid: alive, but not a qemu; kill must leave it alone (or this test would die)
        MachineHandle foreign = new MachineHandle("qemu", ProcessHandle.current().pid(), dir.resolve("qmp.sock"), dir);
        QemuBackend backend = QemuBackend.forThisHost();

        assertThat(backend.status(foreign).state()).isEqualTo(State.GONE);
        backend.kill(foreign, "KILL");
        backend.kill(foreign, "SIGTERM");
        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThatThrownBy(() -> backend.requestShutdown(foreign)).isInstanceOf(RpcException.class)
                .satisfies(e -> assertThat(((RpcException) e).code()).isEqualTo(ErrorCode.NOT_RUNNING));
        assertThatThrownBy(() -> backend.addForward(foreign, 40022, 22)).isInstanceOf(RpcException.class)
                .satisfies(e -> assertThat(((RpcException) e).code()).isEqualTo(ErrorCode.NOT_RUNNING));
    }

    @Test
    void onlyTermAndKillAreAccepted() {
        MachineHandle handle = new MachineHandle("qemu", 1, dir.resolve("qmp.sock"), dir);

        assertThatThrownBy(() -> QemuBackend.forThisHost().kill(handle, "HUP")).isInstanceOf(RpcException.class)
                .hasMessageContaining("not TERM or KILL");
    }

    @Test
    void theConsoleLogIsInTheRunDir() {
        MachineHandle handle = new MachineHandle("qemu", 1, dir.resolve("qmp.sock"), dir);

        assertThat(QemuBackend.forThisHost().consoleLog(handle)).isEqualTo(dir.resolve("console.log"));
    }

    private static QemuBackend backend(QemuHost host) {
        return new QemuBackend(host, new QemuProcessCheck(), Duration.ofSeconds(5));
    }

    private MachineSpec spec() {
        return new MachineSpec("dev1", 1, 128, Path.of("/k/vmlinuz"), null, null, List.of(), "user", null, List.of(), null, dir);
    }
}
