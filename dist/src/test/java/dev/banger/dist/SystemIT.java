package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** `banger system ...` into temp roots: units, install.toml, idempotence, uninstall, background start/stop. */
class SystemIT {
    @Test
    void installWritesHardenedUnitsAndTheRecordTwiceTheSameAndUninstallRemovesThem() throws Exception {
        try (InstalledSystem sys = InstalledSystem.create()) {
            String root = sys.root.toString();
            DaemonFixture.CliResult first = sys.cli("system", "install", "--owner", "root", "--root", root);
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("units were written but not enabled", "banger system start --root " + root);

            String daemonUnit = Files.readString(sys.root.resolve("etc/systemd/system/bangerd.service"));
            assertThat(daemonUnit.lines()).contains("User=root", "KillMode=process", "NoNewPrivileges=yes", "ProtectSystem=strict",
                    "ReadWritePaths=/tmp /var/tmp", "ExecStart=" + root + "/opt/banger/bin/bangerd --system", "Environment=BANGER_ROOT=" + root);
            String helperUnit = Files.readString(sys.root.resolve("etc/systemd/system/bangerd-root.service"));
            assertThat(helperUnit.lines()).contains("KillMode=process", "SendSIGKILL=no", "NoNewPrivileges=yes", "ProtectSystem=strict",
                    "CapabilityBoundingSet=CAP_NET_ADMIN CAP_NET_RAW CAP_CHOWN CAP_DAC_OVERRIDE CAP_FOWNER CAP_KILL CAP_SETUID CAP_SETGID",
                    "ExecStart=" + root + "/opt/banger/bin/bangerd-root --config " + root + "/etc/banger/helper.toml");
            assertThat(helperUnit).doesNotContain("User=").doesNotContain("@");
            String record = Files.readString(sys.root.resolve("etc/banger/install.toml"));
            assertThat(record).contains("owner = \"root\"", "uid = 0", "version = \"0.1.0-SNAPSHOT\"").containsPattern("installed_at = \"20\\d\\d-");
            assertThat(Files.readString(sys.root.resolve("etc/banger/helper.toml"))).contains("owner_uid = 0");
            for (String bin : List.of("banger", "bangerd", "bangerd-root")) {
                assertThat(Files.readSymbolicLink(sys.root.resolve("usr/local/bin/" + bin))).isEqualTo(sys.tree().resolve("bin/" + bin));
            }

            DaemonFixture.CliResult second = sys.installedCli("system", "install", "--owner", "root", "--root", root);
            assertThat(second.exit()).as(second.err()).isZero();
            assertThat(second.out()).contains("(unchanged)");
            assertThat(Files.readString(sys.root.resolve("etc/banger/install.toml"))).isEqualTo(record);
            assertThat(Files.readString(sys.root.resolve("etc/systemd/system/bangerd.service"))).isEqualTo(daemonUnit);

            Files.writeString(sys.root.resolve("var/lib/banger/keep-me"), "state");
            DaemonFixture.CliResult uninstall = sys.cli("system", "uninstall", "--root", root);
            assertThat(uninstall.exit()).as(uninstall.err()).isZero();
            for (String gone : List.of("etc/systemd/system/bangerd.service", "etc/systemd/system/bangerd-root.service",
                    "usr/local/bin/banger", "opt/banger", "etc/banger/install.toml")) {
                assertThat(Files.exists(sys.root.resolve(gone), java.nio.file.LinkOption.NOFOLLOW_LINKS)).as(gone).isFalse();
            }
            assertThat(sys.root.resolve("var/lib/banger/keep-me")).exists();

            assertThat(sys.cli("system", "install", "--owner", "root", "--root", root).exit()).isZero();
            DaemonFixture.CliResult purge = sys.cli("system", "uninstall", "--purge", "--root", root);
            assertThat(purge.exit()).as(purge.err()).isZero();
            for (String gone : List.of("var/lib/banger", "var/cache/banger", "var/log/banger", "etc/banger", "opt/banger")) {
                assertThat(sys.root.resolve(gone)).as(gone).doesNotExist();
            }
            assertThat(sys.cli("system", "status", "--root", root).exit()).isEqualTo(3);
        }
    }

    @Test
    void startRunsBothFromTheInstalledTreeInTheBackgroundAndStopEndsThemByPid() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
        try (InstalledSystem sys = InstalledSystem.create()) {
            String root = sys.root.toString();
            assertThat(sys.cli("system", "install", "--owner", "root", "--root", root).exit()).isZero();
            DaemonFixture.CliResult start = sys.installedCli("system", "start", "--root", root);
            assertThat(start.exit()).as(start.out() + start.err()).isZero();
            ProcessHandle daemon = sys.service("bangerd").orElseThrow();
            ProcessHandle helper = sys.service("bangerd-root").orElseThrow();
            assertThat(daemon.info().commandLine().orElseThrow()).contains("-Dbanger.home=" + sys.tree(), "dev.banger.kernel.core.Bangerd");
            assertThat(helper.info().commandLine().orElseThrow()).contains("-Dbanger.home=" + sys.tree(), "dev.banger.helper.server.BangerdRoot");

            DaemonFixture.CliResult again = sys.cli("system", "start", "--root", root);
            assertThat(again.out()).contains("bangerd: already running (pid " + daemon.pid() + ")");

            JsonNode status = Json.mapper().readTree(sys.cli("system", "status", "--json", "--root", root).out());
            assertThat(status.path("bangerd").asText()).isEqualTo("running (pid " + daemon.pid() + ")");
            assertThat(status.path("daemon_socket").asText()).isEqualTo(sys.daemonSocket() + " rw------- root, answers");
            assertThat(status.path("owner").asText()).isEqualTo("root (uid 0)");
            DaemonFixture.CliResult table = sys.cli("system", "status", "--root", root);
            assertThat(table.out()).containsPattern("(?m)^bangerd-root: +running \\(pid " + helper.pid() + "\\)$");

            JsonNode doctor = Json.mapper().readTree(sys.installedCli("--system", "doctor", "--json").out());
            for (JsonNode c : doctor.path("checks")) {
                if (List.of("daemon", "helper").contains(c.path("name").asText())) {
                    assertThat(c.path("status").asText()).as(c.toString()).isEqualTo("PASS");
                }
            }

            DaemonFixture.CliResult stop = sys.cli("system", "stop", "--root", root);
            assertThat(stop.exit()).as(stop.out()).isZero();
            assertThat(stop.out()).contains("bangerd: stopped (pid " + daemon.pid() + ")", "bangerd-root: stopped (pid " + helper.pid() + ")");
            daemon.onExit().get(10, TimeUnit.SECONDS);
            helper.onExit().get(10, TimeUnit.SECONDS);
            assertThat(sys.cli("system", "stop", "--root", root).out()).contains("bangerd: not running");
        }
    }

    @Test
    void theDaemonRunsAsItsOwnerAndTheHelperAsRoot() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) drops to the owner");
        try (InstalledSystem sys = InstalledSystem.create()) {
            String root = sys.root.toString();
            Files.setPosixFilePermissions(sys.root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThat(sys.cli("system", "install", "--owner", "nobody", "--root", root).exit()).isZero();
            DaemonFixture.CliResult start = sys.cli("system", "start", "--root", root);
            assertThat(start.exit()).as(start.out()).isZero();
            assertThat(uid(sys.service("bangerd").orElseThrow())).isEqualTo(65534);
            assertThat(uid(sys.service("bangerd-root").orElseThrow())).isZero();
            assertThat(Files.getOwner(sys.daemonSocket()).getName()).isEqualTo("nobody");
            assertThat(Files.getOwner(sys.root.resolve("var/lib/banger")).getName()).isEqualTo("nobody");
            assertThat(Files.readString(sys.root.resolve("etc/banger/helper.toml"))).contains("owner_uid = 65534");
        }
    }

    private static int uid(ProcessHandle p) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
            if (line.startsWith("Uid:")) {
                return Integer.parseInt(line.split("\\s+")[1]);
            }
        }
        throw new AssertionError("no Uid line for pid " + p.pid());
    }

    @Test
    void withoutRootAndWithoutRootDirItRefusesClearly() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) runs the CLI as nobody");
        ProcessBuilder pb = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                DaemonFixture.tree().resolve("bin/banger").toString(), "system", "install", "--owner", "root");
        pb.environment().keySet().removeIf(k -> k.startsWith("BANGER_"));
        pb.environment().put("HOME", "/tmp");
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(!out.contains("Permission denied") && !out.contains("Could not find or load main class"), "the build tree is not readable by nobody");
        assertThat(p.exitValue()).as(out).isEqualTo(7);
        assertThat(out).contains("must run as root", "--root DIR");
    }
}
