package dev.banger.plugins.image.rootfs;

import dev.banger.plugins.image.testing.RecordingProgress;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guest files land root-owned with the right modes, and features are read correctly from typical trees. */
class GuestPreparerTest {
    @TempDir
    Path dir;

    @Test
    void systemdImageGetsEnabledUnitsSshdConfigAndBootsSystemd() throws Exception {
        byte[] debianLike = new TarFixture()
                .dir("usr").dir("usr/lib").dir("usr/lib/systemd").dir("usr/sbin").dir("usr/bin").dir("etc")
                .symlink("lib", "usr/lib").symlink("sbin", "usr/sbin")
                .file("usr/lib/systemd/systemd", "ELF", 0755, 0, 0).symlink("usr/sbin/init", "../lib/systemd/systemd")
                .file("usr/sbin/sshd", "ELF", 0755, 0, 0).file("usr/bin/apt-get", "ELF", 0755, 0, 0)
                .file("usr/lib/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n")
                .symlink("etc/os-release", "../usr/lib/os-release")
                .build();
        StagingTree tree = flatten(debianLike);

        GuestFeatures features = new GuestPreparer().prepare(tree);

        assertThat(features).isEqualTo(new GuestFeatures(true, true, "apt", "debian", "12", "/sbin/init"));
        assertRootFile(tree, "/usr/lib/banger/guest-setup", 0755); // through the lib -> usr/lib symlink
        assertRootFile(tree, "/usr/lib/banger/init", 0755);
        assertRootFile(tree, "/etc/systemd/system/banger-guest.service", 0644);
        assertRootFile(tree, "/etc/systemd/system/banger-ready.service", 0644);
        assertRootFile(tree, "/etc/ssh/sshd_config.d/banger.conf", 0644);
        assertThat(tree.get("/etc/systemd/system/multi-user.target.wants/banger-guest.service").symlinkTarget())
                .isEqualTo("/etc/systemd/system/banger-guest.service");
        assertThat(tree.get("/etc/systemd/system/multi-user.target.wants/banger-ready.service").type()).isEqualTo(NodeType.SYMLINK);
        String unit = Files.readString(tree.hostPath("/etc/systemd/system/banger-guest.service"));
        assertThat(unit).contains("Type=oneshot", "Before=network-pre.target ssh.service sshd.service", "ExecStart=/usr/lib/banger/guest-setup");
        assertThat(Files.readString(tree.hostPath("/etc/systemd/system/banger-ready.service"))).contains("After=banger-guest.service ssh.service sshd.service");
        assertThat(Files.readString(tree.hostPath("/etc/ssh/sshd_config.d/banger.conf")))
                .contains("PermitRootLogin prohibit-password", "PasswordAuthentication no", "UseDNS no");
    }

    @Test
    void busyboxImageWithoutSystemdOrSshdBootsBangersInit() throws Exception {
        byte[] alpineLike = new TarFixture()
                .dir("bin").dir("sbin").dir("etc")
                .file("bin/busybox", "ELF", 0755, 0, 0).symlink("bin/sh", "/bin/busybox").symlink("sbin/init", "/bin/busybox")
                .file("sbin/apk", "ELF", 0755, 0, 0)
                .file("etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\n")
                .build();
        StagingTree tree = flatten(alpineLike);

        GuestFeatures features = new GuestPreparer().prepare(tree);

        assertThat(features).isEqualTo(new GuestFeatures(false, false, "apk", "alpine", "3.20.3", GuestFeatures.BANGER_INIT));
        assertRootFile(tree, "/usr/lib/banger/init", 0755);
        assertRootFile(tree, "/usr/lib/banger/guest-setup", 0755);
        assertRootFile(tree, "/etc/ssh/sshd_config.d/banger.conf", 0644); // read by the sshd init installs on first boot
        assertThat(tree.get("/etc/systemd")).isNull();
        String init = Files.readString(tree.hostPath("/usr/lib/banger/init"));
        assertThat(init).contains("apk add", "apt-get install", "dnf install", "ssh-keygen -A", "guest-setup announce", "wait $!");
    }

    @Test
    void scriptsAreValidPosixShellAndReadTheDocumentedKeys() throws Exception {
        StagingTree tree = flatten(new TarFixture().dir("etc").build());
        new GuestPreparer().prepare(tree);
        for (String script : List.of("/usr/lib/banger/guest-setup", "/usr/lib/banger/init")) {
            Process p = new ProcessBuilder("sh", "-n", tree.hostPath(script).toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(script + ": " + out).isZero();
        }
        assertThat(Files.readString(tree.hostPath("/usr/lib/banger/guest-setup")))
                .contains("banger.ip", "banger.gw", "banger.dns", "banger.hostname", "banger.iface", "/proc/cmdline",
                        "/dev/virtio-ports/", "org.banger.guest.0", "/dev/ttyS0", "BANGER_READY", "/etc/resolv.conf");
    }

    private StagingTree flatten(byte[] layer) {
        return new LayerFlattener().flatten(List.of(TarFixture.layer("l", layer)), dir.resolve("staging"), new RecordingProgress());
    }

    private static void assertRootFile(StagingTree tree, String path, int permissions) {
        FsNode node = tree.get(path);
        assertThat(node).as(path).isNotNull();
        assertThat(node.type()).isEqualTo(NodeType.FILE);
        assertThat(node.uid()).isZero();
        assertThat(node.gid()).isZero();
        assertThat(node.permissions()).as(path).isEqualTo(permissions);
    }
}
