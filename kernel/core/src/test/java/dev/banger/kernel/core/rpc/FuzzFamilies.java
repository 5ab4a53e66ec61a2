package dev.banger.kernel.core.rpc;

import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.Params;
import dev.banger.kernel.api.RpcFamily;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A method table with every params shape the shipped plugins use (String, Boolean, Long, Integer,
 * List&lt;String&gt;, none) plus the ones the decoder also supports (primitives, enums, nested
 * records, constructor checks). Each handler counts its runs, so the fuzz can prove no handler ran
 * on params that do not decode.
 */
final class FuzzFamilies {
    enum Signal { KILL, TERM }

    record Named(String name) { }

    record Names(List<String> names, Long timeoutMs) { }

    record Everything(String name, String path, Long sizeBytes, Integer port, Boolean force, List<String> argv) { }

    record Primitives(int n, long big, boolean flag) { }

    record Checked(String id, Long timeoutMs) {
        Checked {
            Params.required(id, "params.id");
            if (timeoutMs != null) {
                Params.positive(timeoutMs, "params.timeout_ms");
                Params.atMost(timeoutMs, 600_000, "params.timeout_ms");
            }
        }
    }

    record Inner(String label, Integer count) { }

    record Outer(Inner inner, Signal signal) { }

    final AtomicLong runs = new AtomicLong();

    private FuzzFamilies() {
    }

    static FuzzFamilies create() {
        return new FuzzFamilies();
    }

    RpcFamily family() {
        return TestFamilies.family("f", List.of(
                counted("f.list", NoParams.class),
                counted("f.show", Named.class),
                counted("f.delete", Names.class),
                counted("f.create", Everything.class),
                counted("f.prims", Primitives.class),
                counted("f.wait", Checked.class),
                counted("f.nested", Outer.class),
                Method.streaming("f.follow", Named.class, Named.class, (ctx, p) -> {
                    runs.incrementAndGet();
                    ctx.emit(p);
                    return p;
                })));
    }

    /** Answers with the params it got, so the result path (serialising hostile strings back) is exercised too. */
    private <P> Method<P, P> counted(String name, Class<P> type) {
        return Method.of(name, type, type, (ctx, p) -> {
            runs.incrementAndGet();
            return p;
        });
    }
}
