package dev.banger.kernel.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BangerConfigTest {
    @TempDir
    Path dir;

    private Path write(String toml) throws Exception {
        return Files.writeString(dir.resolve("config.toml"), toml);
    }

    @Test
    void aMissingFileIsTheEmptyConfig() throws Exception {
        BangerConfig c = BangerConfig.load(dir.resolve("absent.toml"));
        assertThat(c.disabledPlugins()).isEmpty();
        assertThat(c.pluginSection("vm").isEmpty()).isTrue();
    }

    @Test
    void readsKernelKeysAndKeepsPluginSections() throws Exception {
        BangerConfig c = BangerConfig.load(write("[plugins]\ndisabled = [\"vm\", \"image\"]\n[daemon]\nsocket = \"/tmp/x.sock\"\n[vm]\nvcpu = 4\n"));
        assertThat(c.disabledPlugins()).containsExactly("vm", "image");
        assertThat(c.socket()).isEqualTo(Path.of("/tmp/x.sock"));
        assertThat(c.pluginSection("vm").get("vcpu").asInt()).isEqualTo(4);
    }

    @Test
    void anUnknownKernelKeyIsNamed() throws Exception {
        Path f = write("[plugins]\ndisabeld = [\"vm\"]\n");
        assertThatThrownBy(() -> BangerConfig.load(f)).hasMessageContaining("plugins.disabeld");
    }

    @Test
    void disabledMustBeAList() throws Exception {
        Path f = write("[plugins]\ndisabled = \"vm\"\n");
        assertThatThrownBy(() -> BangerConfig.load(f)).hasMessageContaining("plugins.disabled must be a list");
    }

    @Test
    void badTomlNamesTheFile() throws Exception {
        Path f = write("[plugins\n");
        assertThatThrownBy(() -> BangerConfig.load(f)).hasMessageContaining(f.toString());
    }

    @Test
    void userModeFollowsXdgAndSystemModeUsesFixedPaths() throws Exception {
        DaemonSettings user = DaemonSettings.resolve(false, dir.resolve("none.toml"), null, null,
                Map.of("HOME", "/home/u", "XDG_RUNTIME_DIR", "/run/user/7", "XDG_STATE_HOME", "/s"));
        assertThat(user.socket()).isEqualTo(Path.of("/run/user/7/banger/bangerd.sock"));
        assertThat(user.layout().stateDir()).isEqualTo(Path.of("/s/banger"));
        assertThat(user.layout().cacheDir()).isEqualTo(Path.of("/home/u/.cache/banger"));
        DaemonSettings system = DaemonSettings.resolve(true, dir.resolve("none.toml"), null, null, Map.of());
        assertThat(system.socket()).isEqualTo(Path.of("/run/banger/bangerd.sock"));
        assertThat(system.layout().stateDir()).isEqualTo(Path.of("/var/lib/banger"));
    }
}
