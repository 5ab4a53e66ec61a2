package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin host with real plugin jars in a temp plugins dir and a real bangerd process. */
class PluginHostIT {
    private static List<String> ids(JsonNode plugins, String state) {
        List<String> out = new ArrayList<>();
        plugins.path("plugins").forEach(p -> {
            if (state == null || p.path("state").asText().equals(state)) {
                out.add(p.path("id").asText());
            }
        });
        return out;
    }

    @Test
    void theShippedPluginsStartAndListTheirMethods() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start(); RpcClient c = d.client()) {
            JsonNode plugins = c.callRaw("daemon.plugins.list", null, null, e -> { });
            assertThat(ids(plugins, "started")).containsExactlyInAnyOrder("ops", "image", "vm");
            plugins.path("plugins").forEach(p -> {
                if (p.path("id").asText().equals("ops")) {
                    assertThat(p.path("methods").toString()).contains("daemon.ping", "daemon.operations.wait");
                    assertThat(p.path("jar").asText()).endsWith("banger-plugin-ops.jar");
                }
            });
            assertThat(c.callRaw("vm.list", null, null, e -> { }).path("vms").isArray()).isTrue();
        }
    }

    @Test
    void aPluginDisabledInConfigAnswersUnknownMethodSayingSoAndLosesItsCommands() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().config("[plugins]\ndisabled = [\"vm\"]\n").start(); RpcClient c = d.client()) {
            assertThatThrownBy(() -> c.callRaw("vm.list", null, null, e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.code().wire()).isEqualTo("unknown_method");
                        assertThat(e.getMessage()).contains("plugin 'vm'").contains("disabled").containsPattern("\\(op-[0-9a-f]+\\)$");
                    });
            assertThat(ids(c.callRaw("daemon.plugins.list", null, null, e -> { }), "disabled")).containsExactly("vm");
            DaemonFixture.CliResult help = d.cli("--help");
            assertThat(help.out()).contains("image").doesNotContainPattern("(?m)^\\s+vm\\s");
        }
    }

    @Test
    void aPluginDisabledInDisabledTxtIsDisabledToo() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins()) {
            Files.writeString(d.pluginsDir.resolve("disabled.txt"), "image\n");
            d.start();
            try (RpcClient c = d.client()) {
                assertThatThrownBy(() -> c.callRaw("kernel.list", null, null, e -> { }))
                        .hasMessageContaining("plugin 'image'").hasMessageContaining("disabled");
                assertThat(c.callRaw("vm.list", null, null, e -> { }).path("vms").isArray()).isTrue();
            }
            assertThat(d.cli("--help").out()).doesNotContainPattern("(?m)^\\s+image\\s").doesNotContainPattern("(?m)^\\s+kernel\\s");
        }
    }

    @Test
    void twoPluginsContributingOneMethodStopTheStartNamingBoth() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins("dupe")) {
            assertThat(d.startExpectingFailure()).isNotZero();
            assertThat(d.log()).contains("daemon.ping").contains("'ops'").contains("'dupe'");
            assertThat(Files.exists(d.socket)).isFalse();
        }
    }

    @Test
    void aStartedPluginWithoutRpcFamilyStopsTheStart() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins("empty")) {
            assertThat(d.startExpectingFailure()).isNotZero();
            assertThat(d.log()).contains("'empty'").contains("contributes no RpcFamily");
        }
    }

    @Test
    void anIncompatiblePluginRequiresStopsTheStart() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins("future")) {
            assertThat(d.startExpectingFailure()).isNotZero();
            assertThat(d.log()).contains("'future'").contains(">=2.0.0").contains("1.0.0");
        }
    }

    @Test
    void anIncompatiblePluginThatTheOperatorDisabledDoesNotStopTheStart() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins("future").config("[plugins]\ndisabled = [\"future\"]\n").start();
             RpcClient c = d.client()) {
            assertThat(ids(c.callRaw("daemon.plugins.list", null, null, e -> { }), "disabled")).contains("future");
        }
    }

    @Test
    void aDroppedInPluginAddsItsMethodsAndItsCliCommand() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins("demo").start(); RpcClient c = d.client()) {
            JsonNode plugins = c.callRaw("daemon.plugins.list", null, null, e -> { });
            assertThat(ids(plugins, "started")).contains("demo");
            assertThat(plugins.toString()).contains("demo.echo", "demo.count", "demo.begin");
            assertThat(c.callRaw("demo.echo", Map.of("text", "hi", "times", 3), null, e -> { }).path("text").asText()).isEqualTo("hihihi");
            assertThat(d.cli("--help").out()).containsPattern("(?m)^\\s+demo\\s");
            DaemonFixture.CliResult echo = d.cli("demo", "echo", "dropped-in");
            assertThat(echo.exit()).isZero();
            assertThat(echo.out().trim()).isEqualTo("dropped-in");
        }
    }
}
