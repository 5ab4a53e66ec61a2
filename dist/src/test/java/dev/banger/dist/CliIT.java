package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.Json;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** bin/banger against a real daemon: auto-start, output formats, errors and exit codes. */
class CliIT {
    @Test
    void theCliStartsTheDaemonWhenNothingAnswersAndSaysSoOnce() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins()) {
            DaemonFixture.CliResult first = d.cli("daemon", "ping");
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("bangerd").contains("plugins: image, ops, vm");
            assertThat(first.err().lines()).hasSize(1);
            assertThat(first.err()).contains("started bangerd in the background");
            DaemonFixture.CliResult second = d.cli("daemon", "ping");
            assertThat(second.err()).isEmpty();
            assertThat(Files.exists(d.socket)).isTrue();

            DaemonFixture.CliResult stop = d.cli("daemon", "stop");
            assertThat(stop.exit()).isZero();
            assertThat(stop.out()).contains("bangerd stopped");
            assertThat(Files.exists(d.socket)).isFalse();
            DaemonFixture.CliResult status = d.cli("daemon", "status");
            assertThat(status.exit()).isEqualTo(9);
            assertThat(status.out()).contains("running:     false");
        }
    }

    @Test
    void listingsPrintTablesOrJson() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins("demo").start()) {
            DaemonFixture.CliResult table = d.cli("plugin", "list");
            assertThat(table.out()).startsWith("ID").contains("ops", "started");
            JsonNode json = Json.mapper().readTree(d.cli("plugin", "list", "--json").out());
            assertThat(json.path("plugins").size()).isEqualTo(4);
            for (String[] cmd : new String[][] {{"ops", "list", "--json"}, {"vm", "list", "--json"}, {"image", "list", "--json"},
                    {"kernel", "list", "--json"}, {"daemon", "ping", "--json"}, {"daemon", "status", "--json"}, {"version", "--json"}}) {
                DaemonFixture.CliResult r = d.cli(cmd);
                assertThat(r.exit()).as(String.join(" ", cmd) + ": " + r.err()).isZero();
                assertThat(Json.mapper().readTree(r.out()).isObject()).as(String.join(" ", cmd)).isTrue();
            }
            JsonNode status = Json.mapper().readTree(d.cli("daemon", "status", "--json").out());
            assertThat(status.path("socket_mode").asText()).isEqualTo("rw-------");
            assertThat(status.path("pid").asLong()).isEqualTo(d.process().pid());
        }
    }

    @Test
    void errorsNameTheOpIdAndMapToDocumentedExitCodes() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start()) {
            DaemonFixture.CliResult missing = d.cli("ops", "show", "op-00000000deadbeef");
            assertThat(missing.exit()).isEqualTo(3);
            assertThat(missing.err()).startsWith("banger: no operation op-00000000deadbeef").containsPattern("\\(op-[0-9a-f]{16}\\)\\s*$");

            DaemonFixture.CliResult usage = d.cli("ops", "frobnicate");
            assertThat(usage.exit()).isEqualTo(2);

            DaemonFixture.CliResult help = d.cli("ops", "wait", "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).contains("Usage: banger ops wait");

            DaemonFixture.CliResult badTimeout = d.cli("ops", "wait", "op-00000000deadbeef", "--timeout-ms", "-1");
            assertThat(badTimeout.exit()).isEqualTo(2);
            assertThat(badTimeout.err()).contains("params.timeout_ms");
        }
    }

    @Test
    void aBrokenConfigIsReportedWithTheKey() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().config("[plugins]\nwat = 1\n")) {
            DaemonFixture.CliResult r = d.cli("version");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("plugins.wat");
        }
    }
}
