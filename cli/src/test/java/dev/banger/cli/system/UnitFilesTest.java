package dev.banger.cli.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UnitFilesTest {
    private static final String TEMPLATE = "[Service]\nUser=@OWNER@\n@ENVIRONMENT@\nExecStart=@BANGER_HOME@/bin/bangerd-root --config @ETC@/helper.toml\n";

    @Test
    void aRealRootGetsPlainPathsAndNoEnvironment() {
        String unit = UnitFiles.render(TEMPLATE, new InstallPaths(Path.of("/")), new OwnerAccount("alice", 1000, 1000));
        assertThat(unit).isEqualTo("[Service]\nUser=alice\nExecStart=/opt/banger/bin/bangerd-root --config /etc/banger/helper.toml\n");
    }

    @Test
    void aPrefixedRootCarriesItsPathsAndBangerRoot() {
        String unit = UnitFiles.render(TEMPLATE, new InstallPaths(Path.of("/tmp/r")), new OwnerAccount("root", 0, 0));
        assertThat(unit).contains("Environment=BANGER_ROOT=/tmp/r\n", "ExecStart=/tmp/r/opt/banger/bin/bangerd-root --config /tmp/r/etc/banger/helper.toml");
    }
}
