package dev.banger.plugins.vm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshIncludeBlockTest {
    private static final Path BANGER = Path.of("/home/u/.local/state/banger/vm/ssh/config");
    private static final String USERS = "Host work\n    HostName work.example\n    User me\n\n# a comment\nHost *\n    ServerAliveInterval 30";

    @TempDir
    Path dir;

    @Test
    void installingTwiceLeavesOneBlockAtTheTop() throws Exception {
        Path config = dir.resolve(".ssh/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, USERS);
        assertThat(SshIncludeBlock.apply(config, BANGER, true)).isTrue();
        assertThat(SshIncludeBlock.apply(config, BANGER, true)).as("second install changes nothing").isFalse();
        String text = Files.readString(config);
        assertThat(text).startsWith("# >>> banger >>>\nInclude " + BANGER + "\n# <<< banger <<<\n");
        assertThat(text.split("# >>> banger >>>", -1)).hasSize(2);
        assertThat(text).endsWith(USERS);
    }

    @Test
    void uninstallGivesBackTheFileByteForByte() throws Exception {
        Path config = dir.resolve("config");
        byte[] original = (USERS + "\n\n").getBytes(StandardCharsets.UTF_8);
        Files.write(config, original);
        SshIncludeBlock.apply(config, BANGER, true);
        assertThat(SshIncludeBlock.apply(config, BANGER, false)).isTrue();
        assertThat(Files.readAllBytes(config)).isEqualTo(original);
        assertThat(SshIncludeBlock.apply(config, BANGER, false)).as("second uninstall changes nothing").isFalse();
        assertThat(Files.readAllBytes(config)).isEqualTo(original);
    }

    @Test
    void aBlockSomewhereElseIsRemovedAndTheNewOneGoesFirst() {
        String moved = "Host a\n    User x\n" + SshIncludeBlock.block(Path.of("/old/config")) + "Host b\n";
        assertThat(SshIncludeBlock.without(moved)).isEqualTo("Host a\n    User x\nHost b\n");
        assertThat(SshIncludeBlock.install(moved, BANGER)).isEqualTo(SshIncludeBlock.block(BANGER) + "Host a\n    User x\nHost b\n");
    }

    @Test
    void aBeginMarkerWithoutItsEndIsLeftAlone() {
        String edited = "# >>> banger >>>\nInclude /x\nHost a\n";
        assertThat(SshIncludeBlock.without(edited)).isEqualTo(edited);
    }

    @Test
    void aMissingConfigIsCreatedPrivateAndUninstallDoesNotCreateOne() throws Exception {
        Path config = dir.resolve("fresh/.ssh/config");
        assertThat(SshIncludeBlock.apply(config, BANGER, false)).isFalse();
        assertThat(config).doesNotExist();
        assertThat(SshIncludeBlock.apply(config, BANGER, true)).isTrue();
        assertThat(Files.getPosixFilePermissions(config)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(config.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.readString(config)).isEqualTo(SshIncludeBlock.block(BANGER));
    }

    @Test
    void anExistingFileKeepsItsMode() throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, USERS);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
        SshIncludeBlock.apply(config, BANGER, true);
        assertThat(Files.getPosixFilePermissions(config)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    }
}
