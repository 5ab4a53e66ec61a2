package dev.banger.plugins.vm.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.plugins.vm.api.SshConfigResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigFileTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAO92CYi4Awm5pGN6SI90680sueIrXmqMPpfUZC3UQak";

    @TempDir
    Path dir;

    @Test
    void eachPinnedVmGetsItsAddressBeforeTheSharedBlockAndADeletedVmDisappears() throws Exception {
        SshIdentity id = SshIdentity.ensure(dir.resolve("ssh"));
        KnownHosts kh = new KnownHosts(dir.resolve("ssh/known_hosts"));
        kh.add("dev", "127.0.0.1", 40121, KEY);
        kh.add("web", "10.0.0.7", 22, KEY);
        SshConfigFile file = new SshConfigFile(dir.resolve("ssh/config"), id, kh);

        SshConfigResult r = file.refresh();
        assertThat(r.hosts()).containsExactly(new SshConfigResult.Host("dev", "127.0.0.1", 40121), new SshConfigResult.Host("web", "10.0.0.7", 22));
        String text = Files.readString(dir.resolve("ssh/config"));
        assertThat(text).isEqualTo(r.text());
        // ssh keeps the first value per option: the per-VM HostName/Port must come before Host *.vm
        assertThat(text.indexOf("Host dev.vm\n    HostName 127.0.0.1\n    Port 40121\n")).isPositive().isLessThan(text.indexOf("Host *.vm"));
        assertThat(text).contains("Host *.vm\n    User root\n    IdentityFile " + id.privateKey() + "\n    IdentitiesOnly yes\n    UserKnownHostsFile "
                + kh.file() + "\n    StrictHostKeyChecking yes\n");
        assertThat(Files.getPosixFilePermissions(dir.resolve("ssh/config"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        kh.remove("dev");
        assertThat(file.refresh().text()).doesNotContain("dev.vm").contains("Host web.vm");
    }

    @Test
    void theGuestAccessRewritesTheFileWhenItTrustsOrForgetsAVm() throws Exception {
        SshGuestAccess guest = new SshGuestAccess(dir.resolve("ssh"));
        guest.trust("box", "127.0.0.1", 40200, KEY);
        assertThat(Files.readString(dir.resolve("ssh/config"))).contains("Host box.vm\n    HostName 127.0.0.1\n    Port 40200\n");
        guest.forget("box");
        assertThat(Files.readString(dir.resolve("ssh/config"))).doesNotContain("box.vm");
    }
}
