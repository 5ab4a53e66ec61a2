package dev.banger.cli.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {
    @TempDir
    Path release;

    @BeforeEach
    void aSmallRelease() throws Exception {
        Files.createDirectories(release.resolve("lib"));
        Files.writeString(release.resolve("lib/a.jar"), "jar bytes");
        Files.writeString(release.resolve("RELEASE"), "version=1\n");
        writeSums();
    }

    private void writeSums() throws Exception {
        Files.writeString(release.resolve("SHA256SUMS"), Checksums.sha256(release.resolve("RELEASE")) + "  RELEASE\n"
                + Checksums.sha256(release.resolve("lib/a.jar")) + "  lib/a.jar\n");
    }

    @Test
    void anIntactReleasePassesAndCountsItsFiles() throws Exception {
        assertThat(Checksums.verify(release)).isEqualTo(2);
    }

    @Test
    void aModifiedFileIsNamed() throws Exception {
        Files.writeString(release.resolve("lib/a.jar"), "other bytes");
        assertThatThrownBy(() -> Checksums.verify(release)).isInstanceOf(UpdateRefused.class)
                .hasMessage("lib/a.jar: checksum mismatch (the release was modified after it was made)");
    }

    @Test
    void anUnlistedFileAMissingFileAndALinkAreRefused() throws Exception {
        Files.writeString(release.resolve("lib/extra.jar"), "x");
        assertThatThrownBy(() -> Checksums.verify(release)).hasMessage("lib/extra.jar: not listed in SHA256SUMS");
        Files.delete(release.resolve("lib/extra.jar"));

        Files.delete(release.resolve("RELEASE"));
        assertThatThrownBy(() -> Checksums.verify(release)).hasMessage("RELEASE: listed in SHA256SUMS but missing from the release");
        Files.writeString(release.resolve("RELEASE"), "version=1\n");

        Files.createSymbolicLink(release.resolve("lib/link.jar"), Path.of("a.jar"));
        assertThatThrownBy(() -> Checksums.verify(release)).hasMessageContaining("lib/link.jar: not a regular file");
    }

    @Test
    void noSumsOrAnEscapingPathIsRefused() throws Exception {
        Files.writeString(release.resolve("SHA256SUMS"), "0".repeat(64) + "  ../../etc/passwd\n");
        assertThatThrownBy(() -> Checksums.verify(release)).hasMessageStartingWith("SHA256SUMS: malformed line");
        Files.delete(release.resolve("SHA256SUMS"));
        assertThatThrownBy(() -> Checksums.verify(release)).hasMessageContaining("has no SHA256SUMS");
    }
}
