package dev.banger.kernel.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayoutTest {
    @Test
    void systemPathsLiveUnderBangerRootWhenSet() {
        Layout real = Layout.of(Layout.Mode.SYSTEM, Map.of());
        assertThat(real.stateDir()).isEqualTo(Path.of("/var/lib/banger"));
        assertThat(real.defaultSocket()).isEqualTo(Path.of("/run/banger/bangerd.sock"));

        Layout prefixed = Layout.of(Layout.Mode.SYSTEM, Map.of("BANGER_ROOT", "/tmp/r"));
        assertThat(prefixed.configFile()).isEqualTo(Path.of("/tmp/r/etc/banger/config.toml"));
        assertThat(prefixed.stateDir()).isEqualTo(Path.of("/tmp/r/var/lib/banger"));
        assertThat(prefixed.cacheDir()).isEqualTo(Path.of("/tmp/r/var/cache/banger"));
        assertThat(prefixed.defaultSocket()).isEqualTo(Path.of("/tmp/r/run/banger/bangerd.sock"));
    }

    @Test
    void theHelperSocketFollowsBangerRootUnlessSetExplicitly() throws Exception {
        Map<String, String> env = Map.of("BANGER_ROOT", "/tmp/r", "HOME", "/tmp/r/home");
        DaemonSettings s = DaemonSettings.resolve(true, Path.of("/nonexistent/config.toml"), null, null, env);
        assertThat(s.helperSocket()).isEqualTo(Path.of("/tmp/r/run/banger-root/bangerd-root.sock"));
        assertThat(s.socket()).isEqualTo(Path.of("/tmp/r/run/banger/bangerd.sock"));
        DaemonSettings plain = DaemonSettings.resolve(false, Path.of("/nonexistent/config.toml"), null, null, Map.of("HOME", "/tmp/h"));
        assertThat(plain.helperSocket()).isEqualTo(DaemonSettings.DEFAULT_HELPER_SOCKET);
    }
}
