package dev.banger.helper.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelperConfigLoaderTest {
    private static final HelperConfigLoader.Overrides NONE = new HelperConfigLoader.Overrides(null, null, null, null, null, null);

    @TempDir
    Path dir;

    @Test
    void defaultsNeedOnlyTheOwner() throws Exception {
        HelperConfig c = HelperConfigLoader.load(dir.resolve("missing.toml"),
                new HelperConfigLoader.Overrides(null, 1000L, null, null, null, null));
        assertThat(c.socket()).isEqualTo(HelperConfig.DEFAULT_SOCKET);
        assertThat(c.ownerGid()).isEqualTo(1000);
        assertThat(c.bridgePrefix()).isEqualTo("bgr-");
        assertThat(c.subnet()).hasToString("172.16.0.0/12");
        assertThat(c.netns()).isNull();
    }

    @Test
    void readsTheFileAndFlagsWin() throws Exception {
        Path f = Files.writeString(dir.resolve("helper.toml"),
                "owner_uid = 1000\nowner_gid = 100\nbridge_prefix = \"bx-\"\nsubnet = \"10.20.0.0/16\"\nsocket = \"/tmp/x.sock\"\n");
        HelperConfig c = HelperConfigLoader.load(f, NONE);
        assertThat(c.ownerGid()).isEqualTo(100);
        assertThat(c.bridgePrefix()).isEqualTo("bx-");
        assertThat(c.subnet()).hasToString("10.20.0.0/16");
        HelperConfig o = HelperConfigLoader.load(f, new HelperConfigLoader.Overrides(null, 2000L, null, "bgr-", null, null));
        assertThat(o.ownerUid()).isEqualTo(2000);
        assertThat(o.bridgePrefix()).isEqualTo("bgr-");
    }

    @Test
    void rejectsWhatWouldMakeTheHelperUnsafe() throws Exception {
        assertThatThrownBy(() -> HelperConfigLoader.load(null, NONE)).isInstanceOf(ConfigException.class).hasMessageContaining("owner_uid");
        Path unknown = Files.writeString(dir.resolve("u.toml"), "owner_uid = 1\nbridge = \"x\"\n");
        assertThatThrownBy(() -> HelperConfigLoader.load(unknown, NONE)).hasMessageContaining("unknown key bridge");
        assertThatThrownBy(() -> HelperConfigLoader.checkPrefix("eth")).hasMessageContaining("bridge_prefix");
        assertThatThrownBy(() -> HelperConfigLoader.checkPrefix("toolongpre-")).hasMessageContaining("bridge_prefix");
        assertThatThrownBy(() -> HelperConfigLoader.checkSubnet("8.8.0.0/16")).hasMessageContaining("subnet");
        assertThatThrownBy(() -> HelperConfigLoader.checkSubnet("10.0.0.1/16")).hasMessageContaining("host bits");
        assertThatThrownBy(() -> HelperConfigLoader.checkNetns("../etc")).hasMessageContaining("netns");
        assertThatThrownBy(() -> HelperConfigLoader.checkNetns("no-such-ns-for-banger")).hasMessageContaining("no network namespace");
    }
}
