package dev.banger.kernel.core.rpc;

import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.Params;
import dev.banger.kernel.api.RpcFamily;
import java.util.List;

/** In-code families for dispatcher tests: no pf4j needed to test the kernel's three jobs. */
final class TestFamilies {
    record SleepParams(long ms, String label) {
        SleepParams {
            Params.positive(ms, "params.ms");
        }
    }

    record Echo(String text) { }

    record OpSeen(String opId) { }

    record Pair(String outer, String inner) { }

    record Tick(int i) { }

    private TestFamilies() {
    }

    static RpcFamily t() {
        return family("t", List.of(
                Method.of("t.sleep", SleepParams.class, Echo.class, (ctx, p) -> new Echo(p.label())),
                Method.of("t.whoami", NoParams.class, OpSeen.class, (ctx, p) -> new OpSeen(ctx.opId())),
                Method.of("t.nested", NoParams.class, Pair.class,
                        (ctx, p) -> new Pair(ctx.opId(), ctx.call("t.whoami", new NoParams(), OpSeen.class).opId())),
                Method.streaming("t.ticks", NoParams.class, Echo.class, (ctx, p) -> {
                    for (int i = 1; i <= 3; i++) {
                        ctx.emit(new Tick(i));
                    }
                    return new Echo("done");
                }),
                Method.of("t.boom", NoParams.class, Echo.class, (ctx, p) -> {
                    throw new IllegalStateException("kaboom");
                }),
                Method.of("t.emit_without_streaming", NoParams.class, Echo.class, (ctx, p) -> {
                    ctx.emit(new Tick(1));
                    return new Echo("unreachable");
                })));
    }

    static RpcFamily family(String name, List<Method<?, ?>> methods) {
        return new RpcFamily() {
            @Override
            public String family() {
                return name;
            }

            @Override
            public List<Method<?, ?>> methods() {
                return methods;
            }
        };
    }
}
