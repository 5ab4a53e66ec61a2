package dev.banger.plugins.vm.backend.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake /proc shows which command lines count as "our QEMU" for a given QMP socket. */
class QemuProcessCheckTest {
    private static final Path QMP = Path.of("/run/banger/vm/dev1/qmp.sock");

    @TempDir
    Path proc;

    @Test
    void ourQemuIsRecognisedByBinaryAndQmpSocket() throws IOException {
        process(100, "/usr/bin/qemu-system-x86_64", "-M", "microvm", "-qmp", "unix:/run/banger/vm/dev1/qmp.sock,server=on,wait=off");

        assertThat(new QemuProcessCheck(proc).isOurQemu(100, QMP)).isTrue();
    }

    @Test
    void aReusedPidRunningSomethingElseIsNotOurs() throws IOException {
        process(101, "/usr/bin/sleep", "-qmp", "unix:/run/banger/vm/dev1/qmp.sock,server=on,wait=off");

        assertThat(new QemuProcessCheck(proc).isOurQemu(101, QMP)).isFalse();
    }

    @Test
    void anotherVmsQemuIsNotOurs() throws IOException {
        process(102, "qemu-system-x86_64", "-qmp", "unix:/run/banger/vm/dev2/qmp.sock,server=on,wait=off");

        assertThat(new QemuProcessCheck(proc).isOurQemu(102, QMP)).isFalse();
    }

    @Test
    void goneOrZombieProcessesAreNotOurs() throws IOException {
        Files.createDirectories(proc.resolve("103"));
        Files.write(proc.resolve("103/cmdline"), new byte[0]); // a zombie's cmdline is empty

        QemuProcessCheck check = new QemuProcessCheck(proc);
        assertThat(check.isOurQemu(103, QMP)).isFalse();
        assertThat(check.isOurQemu(104, QMP)).isFalse();
    }

    @Test
    void aQemuWhoseCmdlineIsGoneButThatIsNotYetAZombieIsStillExiting() throws IOException {
        Path dying = Files.createDirectories(proc.resolve("201"));
        Files.write(dying.resolve("cmdline"), new byte[0]);
        Files.writeString(dying.resolve("stat"), "201 (qemu-system-x86) D 1 201 201 0 -1 4194560 0 0 0 0");
        Path zombie = Files.createDirectories(proc.resolve("202"));
        Files.write(zombie.resolve("cmdline"), new byte[0]);
        Files.writeString(zombie.resolve("stat"), "202 (qemu-system-x86) Z 1 202 202 0 -1 4194560 0 0 0 0");
        Path kthread = Files.createDirectories(proc.resolve("203"));
        Files.write(kthread.resolve("cmdline"), new byte[0]);
        Files.writeString(kthread.resolve("stat"), "203 (kworker/0:1) I 2 0 0 0 -1 69238880 0 0 0 0");
        QemuProcessCheck check = new QemuProcessCheck(proc);
        assertThat(check.exiting(201)).isTrue();
        assertThat(check.exiting(202)).as("a zombie holds nothing any more").isFalse();
        assertThat(check.exiting(203)).as("a recycled pid is not our QEMU").isFalse();
        assertThat(check.exiting(204)).as("gone").isFalse();
    }

    @Test
    void onTheRealProcFsThisJvmIsNotAQemu() {
        assertThat(new QemuProcessCheck().find(ProcessHandle.current().pid(), QMP)).isEmpty();
    }

    private void process(long pid, String... argv) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("cmdline"), String.join("\0", argv) + "\0");
    }
}
