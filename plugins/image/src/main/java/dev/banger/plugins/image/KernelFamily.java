package dev.banger.plugins.image;

import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.RpcFamily;
import dev.banger.plugins.image.api.KernelListResult;
import dev.banger.plugins.image.store.ImageStoreHolder;
import java.util.List;
import org.pf4j.Extension;

/** kernel.*: guest kernels, kept in the image plugin's store. */
@Extension
public final class KernelFamily implements RpcFamily {
    private final ImageStoreHolder store = ImageStores.SHARED;

    @Override
    public String family() {
        return "kernel";
    }

    @Override
    public List<Method<?, ?>> methods() {
        return List.of(Method.of("kernel.list", NoParams.class, KernelListResult.class,
                (ctx, p) -> new KernelListResult(List.of())));
    }
}
