package dev.banger.plugins.vm.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.RpcException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quoting is checked against a real POSIX shell here; SshAgainstRealSshdTest repeats it through ssh. */
class ShellQuoteTest {
    static final List<String> HOSTILE = List.of("two words", "it's", "\"double\"", "$(touch /tmp/pwned)",
            "`id`", "a; rm -rf /", "line1\nline2", "", "$HOME", "*", "back\\slash", "'", "''", "-n", "tab\there",
            "&& exit 3", "|cat", "#not a comment", "ünïcode ✓");

    @Test
    void hostileArgumentsReachTheCommandVerbatim() throws Exception {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\n"));
        argv.addAll(HOSTILE);
        Process sh = new ProcessBuilder("sh", "-c", ShellQuote.join(argv)).redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).isZero();
        assertThat(out).isEqualTo(String.join("\n", HOSTILE) + "\n");
    }

    @Test
    void singleQuotesAreClosedEscapedAndReopened() {
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuote.quote("")).isEqualTo("''");
    }

    @Test
    void refusesWhatNoShellCanCarry() {
        assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(RpcException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> ShellQuote.join(List.of())).isInstanceOf(RpcException.class);
    }
}
