package dev.banger.cli.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallRecordTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackTheSameRecord() throws Exception {
        Path file = dir.resolve("etc/install.toml");
        InstallRecord r = new InstallRecord("alice", 1000, 100, "0.2.0", Instant.parse("2026-11-28T22:47:02Z"), null);
        r.write(file);
        assertThat(InstallRecord.read(file)).contains(r);
        InstallRecord updated = r.updatedTo("0.3.0", Instant.parse("2026-11-29T00:00:00Z"));
        updated.write(file);
        assertThat(InstallRecord.read(file)).contains(updated);
        assertThat(InstallRecord.read(dir.resolve("absent.toml"))).isEmpty();
    }
}
