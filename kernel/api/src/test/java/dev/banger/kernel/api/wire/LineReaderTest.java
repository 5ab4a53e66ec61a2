package dev.banger.kernel.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private static LineReader reader(String s, int limit) {
        return new LineReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), limit);
    }

    @Test
    void splitsLinesAndEndsWithNull() throws Exception {
        LineReader r = reader("a\nbb\nccc", 10);
        assertThat(r.readLine()).isEqualTo("a");
        assertThat(r.readLine()).isEqualTo("bb");
        assertThat(r.readLine()).isEqualTo("ccc");
        assertThat(r.readLine()).isNull();
    }

    @Test
    void aLineAtTheLimitIsFineOneByteMoreIsNot() throws Exception {
        assertThat(reader("x".repeat(10) + "\n", 10).readLine()).hasSize(10);
        assertThatThrownBy(() -> reader("x".repeat(11) + "\n", 10).readLine()).isInstanceOf(LineTooLongException.class);
    }

    @Test
    void theLimitHoldsAcrossBufferRefills() {
        String big = "y".repeat(3 * 8192 + 5);
        assertThatThrownBy(() -> reader(big + "\n", 20_000).readLine()).isInstanceOf(LineTooLongException.class);
    }

    @Test
    void multiByteCharactersSurviveBufferBoundaries() throws Exception {
        String text = "é".repeat(9000);
        assertThat(reader(text + "\n", 1 << 20).readLine()).isEqualTo(text);
    }
}
