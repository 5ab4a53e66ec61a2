package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `banger doctor` on this very host, against a real daemon, and with the daemon stopped. */
class DoctorIT {
    @Test
    void onThisHostTheExitCodeFollowsTheFailsAndPvmMeansTcg() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start()) {
            DaemonFixture.CliResult text = d.cli("doctor");
            assertThat(text.out().lines().filter(l -> !l.startsWith(" ")).toList())
                    .allMatch(l -> l.matches("(PASS|WARN|FAIL)  \\S+ +.*") || l.matches("\\d+ passed, \\d+ warnings, \\d+ failed \\(\\d+ ms\\)"));
            DaemonFixture.CliResult json = d.cli("doctor", "--json");
            JsonNode report = Json.mapper().readTree(json.out());
            int fails = report.path("fail").asInt();
            assertThat(json.exit()).as(json.out()).isEqualTo(fails > 0 ? 1 : 0);
            assertThat(text.exit()).isEqualTo(json.exit());
            assertThat(report.path("ok").asBoolean()).isEqualTo(fails == 0);
            assertThat(check(report, "daemon").path("status").asText()).isEqualTo("PASS");
            assertThat(check(report, "daemon").path("details").get(0).asText()).contains("rw-------", "directory rwx------");
            assertThat(report.path("checks").size()).isEqualTo(12);
            if (Files.isDirectory(Path.of("/sys/module/kvm_pvm"))) {
                JsonNode accel = check(report, "accelerator");
                assertThat(accel.path("summary").asText()).isEqualTo("TCG");
                assertThat(accel.path("details").get(0).asText()).contains("PVM");
                assertThat(text.out()).contains("WARN  accelerator   TCG");
            }
        }
    }

    @Test
    void withTheDaemonStoppedTheDaemonCheckFailsWithAHintAndNothingIsStarted() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins()) {
            DaemonFixture.CliResult text = d.cli("doctor");
            assertThat(text.exit()).isEqualTo(1);
            assertThat(text.out()).contains("FAIL  daemon", "fix: start it: `banger daemon start`");
            assertThat(text.err()).doesNotContain("started bangerd");
            JsonNode report = Json.mapper().readTree(d.cli("doctor", "--json").out());
            assertThat(report.path("ok").asBoolean()).isFalse();
            assertThat(check(report, "daemon").path("status").asText()).isEqualTo("FAIL");
            assertThat(check(report, "accelerator").path("status").asText()).isEqualTo("WARN");
            assertThat(check(report, "defaults").path("hint").asText()).contains("banger daemon start");
            assertThat(Files.exists(d.socket)).as("doctor must not start the daemon").isFalse();
        }
    }

    private static JsonNode check(JsonNode report, String name) {
        for (JsonNode c : report.path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + report);
    }
}
