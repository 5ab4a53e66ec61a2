package dev.banger.plugins.vm.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * A real sshd on 127.0.0.1 for one test class, logging in as root with the given authorized key.
 *
 * <p>sshd running as root insists on its privilege-separation user {@code sshd}, which this host lacks and
 * which tests must not add. So sshd runs in a private mount namespace ({@code unshare --mount}) where a copy
 * of /etc/passwd with that user is bind-mounted over the real one; the host's files stay untouched. The
 * small fixed {@code sh -c} script only does the bind mount and then execs sshd, so the pid we hold is sshd's.
 */
final class TestSshd implements AutoCloseable {
    private static final String MOUNT_THEN_EXEC = "mount --bind \"$1\" /etc/passwd && shift && exec \"$@\"";

    private final Process process;
    private final Path log;
    final int port;

    private TestSshd(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Skips the calling test class, with the reason, when this host cannot run a test sshd. */
    static void assumeRunnable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new TestAbortedException("a test sshd that logs in as root (as guests do) needs to run as root");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            throw new TestAbortedException("unshare (util-linux) is missing: cannot give sshd its privsep user privately");
        }
        SshdDistribution.root();
    }

    static TestSshd start(Path workDir, Path hostKey, Path authorizedKeys, int port) throws IOException {
        Files.createDirectories(workDir);
        // sshd's privilege-separation chroot; created if missing and left in place (as openssh-server would)
        Files.createDirectories(Path.of("/run/sshd"));
        Path passwd = workDir.resolve("passwd");
        Files.writeString(passwd, Files.readString(Path.of("/etc/passwd"))
                + "sshd:x:65534:65534:banger test sshd privsep:/run/sshd:/usr/sbin/nologin\n");
        Path config = workDir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "HostKey " + hostKey.toAbsolutePath(),
                "AuthorizedKeysFile " + authorizedKeys.toAbsolutePath(),
                "PidFile none", "UsePAM no", "StrictModes no",
                "PermitRootLogin prohibit-password", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "PrintMotd no", "") );
        Path log = workDir.resolve("sshd-" + port + ".log");
        ProcessBuilder pb = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "--",
                "sh", "-c", MOUNT_THEN_EXEC, "sh", passwd.toString(),
                SshdDistribution.root().resolve("usr/sbin/sshd").toString(),
                "-D", "-e", "-p", Integer.toString(port), "-o", "ListenAddress=127.0.0.1", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("LD_LIBRARY_PATH", SshdDistribution.libraryDir().toString());
        TestSshd sshd = new TestSshd(pb.start(), log, port);
        try {
            SshReadiness.awaitBanner("test-sshd", SshTarget.root("127.0.0.1", port), Duration.ofSeconds(10),
                    () -> !sshd.process.isAlive());
        } catch (RuntimeException e) {
            String said = Files.readString(log);
            sshd.close();
            throw new TestAbortedException("the test sshd did not start: " + said.strip(), e);
        }
        return sshd;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops this sshd and its per-connection children, by pid. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
