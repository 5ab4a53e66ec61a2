package dev.banger.plugins.image;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.RpcFamily;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.api.CachePruneParams;
import dev.banger.plugins.image.api.CachePruneResult;
import dev.banger.plugins.image.api.DeleteResult;
import dev.banger.plugins.image.api.ImageListResult;
import dev.banger.plugins.image.api.ImageSummary;
import dev.banger.plugins.image.api.NameParams;
import dev.banger.plugins.image.oci.PruneResult;
import java.util.List;
import org.pf4j.Extension;

/** image.*: root filesystem images (docs/oci-import.md). Pull and import live in {@link ImagePulls}. */
@Extension
public final class ImageFamily implements RpcFamily {
    @Override
    public String family() {
        return "image";
    }

    @Override
    public List<Method<?, ?>> methods() {
        return List.of(
                Method.of("image.list", NoParams.class, ImageListResult.class, (ctx, p) -> new ImageListResult(services(ctx).store.list())),
                Method.of("image.show", NameParams.class, ImageSummary.class, (ctx, p) -> find(ctx, p.name())),
                Method.of("image.delete", NameParams.class, DeleteResult.class, ImageFamily::delete),
                Method.of("image.cache.prune", CachePruneParams.class, CachePruneResult.class, (ctx, p) -> {
                    PruneResult r = services(ctx).blobs.prune(Boolean.TRUE.equals(p.dryRun()));
                    return new CachePruneResult(r.bytesFreed(), r.blobsFreed(), r.dryRun(), r.cacheDir().toString());
                }),
                ImagePulls.pull(), ImagePulls.importImage());
    }

    private static ImageSummary find(CallContext ctx, String name) throws Exception {
        return services(ctx).store.find(name).orElseThrow(() -> RpcException.notFound("image '" + name
                + "' does not exist; `banger image list` shows local images, `banger image pull` fetches one"));
    }

    private static DeleteResult delete(CallContext ctx, NameParams p) throws Exception {
        ImageSummary image = find(ctx, p.name());
        ImageUsage.refuseIfUsed(ctx, "image", image.name());
        ImageServices s = services(ctx);
        // row first: a crash between the two leaves an orphan directory, never a row without its file
        s.store.delete(image.name());
        s.images.remove(image.name());
        return new DeleteResult(image.name(), true);
    }

    /** Staging dirs and unverified blobs a killed daemon left are removed at start, not at the first image call. */
    @Override
    public void started(CallContext ctx) throws Exception {
        services(ctx);
    }

    static ImageServices services(CallContext ctx) throws Exception {
        return ImageServices.of(ctx.home());
    }
}
