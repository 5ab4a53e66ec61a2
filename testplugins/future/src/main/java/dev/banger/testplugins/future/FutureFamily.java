package dev.banger.testplugins.future;

import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.RpcFamily;
import java.util.List;
import org.pf4j.Extension;

/** Built against a kernel API 2.x that does not exist: Plugin-Requires says so. */
@Extension
public final class FutureFamily implements RpcFamily {
    @Override
    public String family() {
        return "future";
    }

    @Override
    public List<Method<?, ?>> methods() {
        return List.of(Method.of("future.hello", NoParams.class, NoParams.class, (ctx, p) -> new NoParams()));
    }
}
