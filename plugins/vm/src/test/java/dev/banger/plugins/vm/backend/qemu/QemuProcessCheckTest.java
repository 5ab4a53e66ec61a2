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
    void onTheRealProcFsThisJvmIsNotAQemu() {
        assertThat(new QemuProcessCheck().find(ProcessHandle.current().pid(), QMP)).isEmpty();
    }

    private void process(long pid, String... argv) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("cmdline"), String.join("\0", argv) + "\0");
    }
}
