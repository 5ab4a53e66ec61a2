package dev.banger.testplugins.dupe;

import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.RpcFamily;
import java.util.List;
import org.pf4j.Extension;

/** Claims daemon.ping, which the ops plugin owns: the kernel must refuse to start. */
@Extension
public final class DupeFamily implements RpcFamily {
    public record Pong(String who) { }

    @Override
    public String family() {
        return "daemon";
    }

    @Override
    public List<Method<?, ?>> methods() {
        return List.of(Method.of("daemon.ping", NoParams.class, Pong.class, (ctx, p) -> new Pong("dupe")));
    }
}
