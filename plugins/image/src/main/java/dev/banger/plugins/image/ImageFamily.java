package dev.banger.plugins.image;

import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.RpcFamily;
import dev.banger.plugins.image.api.ImageListResult;
import dev.banger.plugins.image.store.ImageStoreHolder;
import java.util.List;
import org.pf4j.Extension;

/** image.*: root filesystem images. */
@Extension
public final class ImageFamily implements RpcFamily {
    private final ImageStoreHolder store = ImageStores.SHARED;

    @Override
    public String family() {
        return "image";
    }

    @Override
    public List<Method<?, ?>> methods() {
        return List.of(Method.of("image.list", NoParams.class, ImageListResult.class,
                (ctx, p) -> new ImageListResult(store.get(ctx.home()).list())));
    }
}
