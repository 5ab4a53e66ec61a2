package dev.banger.kernel.core.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.banger.kernel.core.fuzz.CaseClassifier;
import dev.banger.kernel.core.fuzz.Expectation;
import dev.banger.kernel.core.fuzz.FrameGenerator;
import dev.banger.kernel.core.fuzz.FuzzCase;
import dev.banger.kernel.core.fuzz.FuzzTally;
import dev.banger.kernel.core.fuzz.ResponseOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The in-process half of the wire fuzz (docs/reliability.md#hostile-input): seeded hostile lines
 * straight into the Dispatcher, over a table with every params shape. 90 000 cases by default
 * (the real-socket half in dist's WireFuzzIT adds the rest of the suite's 100 000); a bench run
 * asks for more with {@code -Dbanger.fuzz.cases=N}, another seed with {@code -Dbanger.fuzz.seed=S}.
 */
class DispatcherFuzzTest {
    private static final long SEED = Long.getLong("banger.fuzz.seed", 20261128L);
    private static final long CASES = Long.getLong("banger.fuzz.cases", 90_000L);
    private final FuzzFamilies families = FuzzFamilies.create();
    private Level rpcLevel;

    @BeforeEach
    void quietCallLog() {
        // one "rpc failed" WARN per garbage line would be 90 000 lines of test output; errors still show
        Logger rpc = (Logger) LoggerFactory.getLogger("banger.rpc");
        rpcLevel = rpc.getLevel();
        rpc.setLevel(Level.ERROR);
    }

    @AfterEach
    void restoreCallLog() {
        ((Logger) LoggerFactory.getLogger("banger.rpc")).setLevel(rpcLevel);
    }

    @Test
    void everyHostileLineGetsExactlyOneProtocolAnswerAndNoHandlerRunsOnGarbage() throws Exception {
        DispatchTable table = DispatchTable.builder().add("fuzz", families.family()).build();
        Dispatcher dispatcher = new Dispatcher(table, new StubServices());
        Map<String, Class<?>> params = new TreeMap<>();
        table.methods().forEach((name, entry) -> params.put(name, entry.method().params()));
        Set<String> streaming = Set.of("f.follow");
        FrameGenerator generator = new FrameGenerator(SEED, params);
        CaseClassifier classifier = new CaseClassifier(params);
        ResponseOracle oracle = new ResponseOracle(streaming);
        FuzzTally tally = new FuzzTally();
        long validCases = 0;

        for (long i = 0; i < CASES; i++) {
            FuzzCase c = generator.next();
            Expectation expected = classifier.classify(c);
            validCases += expected.valid() ? 1 : 0;
            List<JsonNode> frames = new ArrayList<>();
            dispatcher.dispatch(c.line(), (ObjectNode f) -> frames.add(f), () -> false);
            List<String> problems = oracle.problems(expected, frames);
            if (!problems.isEmpty()) {
                tally.failed(c, problems);
            }
            JsonNode last = frames.isEmpty() ? null : frames.get(frames.size() - 1);
            tally.answered(last == null ? "none" : last.has("result") ? "result" : last.at("/error/code").asText());
        }

        System.out.println(tally.summary("DispatcherFuzzTest", SEED));
        assertThat(tally.failedCount()).as(tally.failures()).isZero();
        assertThat(families.runs.get()).as("handlers run exactly for the cases whose params decode").isEqualTo(validCases);
        assertThat(validCases).as("the generator reaches the handlers too, not only the decoder").isGreaterThan(CASES / 20);
    }
}
