package dev.banger.plugins.vm.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File handling without any sshd; trust on first use against a real sshd is in SshAgainstRealSshdTest. */
class KnownHostsTest {
    private static final String KEY_A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAO92CYi4Awm5pGN6SI90680sueIrXmqMPpfUZC3UQak";
    private static final String KEY_B = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbB";

    @TempDir
    Path dir;

    @Test
    void addWritesOpenSshLinesMarkedWithTheVmAndRemoveDeletesExactlyThatVm() throws Exception {
        Path file = dir.resolve("ssh/known_hosts");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# a comment someone wrote\nexample.org ssh-ed25519 AAAAforeign\n");
        KnownHosts kh = new KnownHosts(file);
        kh.add("alpha", "127.0.0.1", 2201, KEY_A + " root@guest");
        kh.add("alpha-2", "127.0.0.1", 2202, KEY_B);
        kh.add("beta", "10.0.0.7", 22, KEY_B);

        assertThat(Files.readAllLines(file)).containsExactly("# a comment someone wrote",
                "example.org ssh-ed25519 AAAAforeign",
                "[127.0.0.1]:2201 " + KEY_A + " banger-vm=alpha",
                "[127.0.0.1]:2202 " + KEY_B + " banger-vm=alpha-2",
                "10.0.0.7 " + KEY_B + " banger-vm=beta");

        assertThat(kh.remove("alpha")).isEqualTo(1);
        assertThat(Files.readAllLines(file)).containsExactly("# a comment someone wrote",
                "example.org ssh-ed25519 AAAAforeign",
                "[127.0.0.1]:2202 " + KEY_B + " banger-vm=alpha-2",
                "10.0.0.7 " + KEY_B + " banger-vm=beta");
        assertThat(kh.remove("alpha")).isZero();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("known_hosts", "known_hosts.lock");
    }

    @Test
    void aVmThatMovesToAnotherPortKeepsItsPinnedKeyWithoutBeingTrustedAgain() {
        KnownHosts kh = new KnownHosts(dir.resolve("known_hosts"));
        kh.add("alpha", "127.0.0.1", 2201, KEY_A);
        // nothing listens on 2299: a scan would fail, so success proves the pinned key was reused
        kh.trustOnFirstUse("alpha", "127.0.0.1", 2299);
        assertThat(kh.entries("alpha")).extracting(KnownHostsLine::address, KnownHostsLine::keyBase64)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("[127.0.0.1]:2201", KEY_A.split(" ")[1]),
                        org.assertj.core.groups.Tuple.tuple("[127.0.0.1]:2299", KEY_A.split(" ")[1]));
    }

    @Test
    void anAddressBelongsToOneVmSoAnotherVmsLeftoverLineForItIsDropped() {
        KnownHosts kh = new KnownHosts(dir.resolve("known_hosts"));
        kh.add("old", "127.0.0.1", 2201, KEY_A);
        kh.add("new", "127.0.0.1", 2201, KEY_B);
        assertThat(kh.entries("old")).isEmpty();
        assertThat(kh.entries("new")).hasSize(1);
    }

    @Test
    void aFirstUseScanOfADeadPortFailsClearly() {
        KnownHosts kh = new KnownHosts(dir.resolve("known_hosts"));
        assertThatThrownBy(() -> kh.trustOnFirstUse("alpha", "127.0.0.1", FreePort.find()))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageContaining("offered no ed25519 host key");
        assertThat(kh.entries("alpha")).isEmpty();
    }

    @Test
    void refusesNamesAndKeysThatWouldBreakTheFile() {
        KnownHosts kh = new KnownHosts(dir.resolve("known_hosts"));
        assertThatThrownBy(() -> kh.add("bad name", "127.0.0.1", 22, KEY_A)).isInstanceOf(RpcException.class);
        assertThatThrownBy(() -> kh.add("x\nevil", "127.0.0.1", 22, KEY_A)).isInstanceOf(RpcException.class);
        assertThatThrownBy(() -> kh.add("ok", "127.0.0.1", 22, "ssh-ed25519")).isInstanceOf(RpcException.class);
        assertThatThrownBy(() -> kh.add("ok", "127.0.0.1", 22, "ssh-ed25519 not*base64")).isInstanceOf(RpcException.class);
        assertThat(kh.entries("ok")).isEqualTo(List.of());
    }

    @Test
    void theChangedKeyErrorIsAConflictNamingTheVmTheWayOutAndTheFile() {
        KnownHosts kh = new KnownHosts(dir.resolve("known_hosts"));
        RpcException e = kh.hostKeyChanged("alpha");
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.getMessage()).contains("VM alpha", "banger vm delete alpha", dir.resolve("known_hosts").toString());
    }
}
