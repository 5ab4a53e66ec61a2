package dev.banger.plugins.vm;

import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.PluginHome;
import dev.banger.kernel.api.RpcFamily;
import dev.banger.plugins.vm.api.VmListResult;
import dev.banger.plugins.vm.store.VmStore;
import java.util.List;
import org.pf4j.Extension;

/** vm.*: microVM sandboxes. */
@Extension
public final class VmFamily implements RpcFamily {
    private VmStore store;

    @Override
    public String family() {
        return "vm";
    }

    @Override
    public List<Method<?, ?>> methods() {
        return List.of(Method.of("vm.list", NoParams.class, VmListResult.class,
                (ctx, p) -> new VmListResult(store(ctx.home()).list())));
    }

    /** Opened on first use, so loading the plugin (the CLI does too) touches no database. */
    private synchronized VmStore store(PluginHome home) throws Exception {
        if (store == null) {
            store = VmStore.open(home);
        }
        return store;
    }
}
