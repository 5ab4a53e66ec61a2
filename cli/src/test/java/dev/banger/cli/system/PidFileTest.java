package dev.banger.cli.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {
    @TempDir
    Path dir;

    @Test
    void aPidThatIsNotBangersIsNeverTrusted() throws Exception {
        Path f = dir.resolve("bangerd.pid");
        PidFile.write(f, ProcessHandle.current().pid()); // alive, but this test JVM is no bangerd
        assertThat(PidFile.live(f, Service.DAEMON)).isEmpty();
        Files.writeString(f, "999999999\n");
        assertThat(PidFile.live(f, Service.DAEMON)).isEmpty();
        Files.writeString(f, "garbage");
        assertThat(PidFile.live(f, Service.DAEMON)).isEmpty();
        assertThat(PidFile.live(dir.resolve("absent.pid"), Service.HELPER)).isEmpty();
    }
}
