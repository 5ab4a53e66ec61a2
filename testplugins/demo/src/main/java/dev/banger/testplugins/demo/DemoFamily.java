package dev.banger.testplugins.demo;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.OperationSummary;
import dev.banger.kernel.api.RpcFamily;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.List;
import org.pf4j.Extension;

/** demo.*: exercises every dispatcher feature from a jar that is not part of banger. */
@Extension
public final class DemoFamily implements RpcFamily {
    public record EchoParams(String text, Integer times) { }
    public record EchoResult(String text) { }
    public record CountParams(int n) { }
    public record CountEvent(int i) { }
    public record CountResult(int total) { }
    public record SleepParams(long ms) { }
    public record SleepResult(long sleptMs) { }
    public record WhoAmI(String opId) { }
    public record Nested(String outer, String inner) { }
    public record BeginParams(long ms) { }

    @Override
    public String family() {
        return "demo";
    }

    @Override
    public List<Method<?, ?>> methods() {
        return List.of(
                Method.of("demo.echo", EchoParams.class, EchoResult.class,
                        (ctx, p) -> new EchoResult(p.text().repeat(p.times() == null ? 1 : p.times()))),
                Method.streaming("demo.count", CountParams.class, CountResult.class, (ctx, p) -> {
                    for (int i = 1; i <= p.n(); i++) {
                        ctx.emit(new CountEvent(i));
                    }
                    return new CountResult(p.n());
                }),
                Method.of("demo.sleep", SleepParams.class, SleepResult.class, (ctx, p) -> sleep(ctx, p.ms())),
                Method.of("demo.whoami", NoParams.class, WhoAmI.class, (ctx, p) -> {
                    ctx.log().info("demo.whoami answering");
                    return new WhoAmI(ctx.opId());
                }),
                Method.of("demo.nested", NoParams.class, Nested.class,
                        (ctx, p) -> new Nested(ctx.opId(), ctx.call("demo.whoami", new NoParams(), WhoAmI.class).opId())),
                Method.of("demo.begin", BeginParams.class, OperationSummary.class,
                        (ctx, p) -> ctx.operations().begin(ctx, "demo.wait", progress -> {
                            progress.stage("sleeping");
                            long end = System.currentTimeMillis() + p.ms();
                            while (System.currentTimeMillis() < end) {
                                progress.checkCancelled();
                                Thread.sleep(10);
                            }
                        })));
    }

    /** Sleeps until done, but gives up as soon as the call is cancelled (client gone, daemon stopping). */
    private static SleepResult sleep(CallContext ctx, long ms) throws InterruptedException {
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() - start < ms) {
            if (ctx.cancelled()) {
                ctx.log().info("demo.sleep cancelled");
                throw new RpcException(ErrorCode.CANCELLED, "demo.sleep was cancelled after " + (System.currentTimeMillis() - start) + " ms");
            }
            Thread.sleep(5);
        }
        return new SleepResult(System.currentTimeMillis() - start);
    }
}
