package dev.banger.plugins.image;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.OperationSummary;
import dev.banger.kernel.api.RpcFamily;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.api.DeleteResult;
import dev.banger.plugins.image.api.KernelImportParams;
import dev.banger.plugins.image.api.KernelListResult;
import dev.banger.plugins.image.api.KernelPullParams;
import dev.banger.plugins.image.api.KernelSummary;
import dev.banger.plugins.image.api.NameParams;
import dev.banger.plugins.image.kernel.DebianCloudKernel;
import dev.banger.plugins.image.kernel.KernelImporter;
import dev.banger.plugins.image.kernel.KernelName;
import dev.banger.plugins.image.kernel.StoredKernel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/** kernel.*: guest kernels, stored as files by the image plugin (docs/kernels.md). */
@Extension
public final class KernelFamily implements RpcFamily {
    @Override
    public String family() {
        return "kernel";
    }

    @Override
    public List<Method<?, ?>> methods() {
        return List.of(
                Method.of("kernel.list", NoParams.class, KernelListResult.class,
                        (ctx, p) -> new KernelListResult(services(ctx).kernels.list().stream().map(StoredKernel::summary).toList())),
                Method.of("kernel.show", NameParams.class, KernelSummary.class,
                        (ctx, p) -> services(ctx).kernels.show(p.name()).summary()),
                Method.of("kernel.delete", NameParams.class, DeleteResult.class, (ctx, p) -> {
                    services(ctx).kernels.show(p.name());
                    ImageUsage.refuseIfUsed(ctx, "kernel", p.name());
                    services(ctx).kernels.delete(p.name());
                    return new DeleteResult(p.name(), true);
                }),
                Method.of("kernel.import", KernelImportParams.class, KernelSummary.class, (ctx, p) -> new KernelImporter(services(ctx).kernels)
                        .importKernel(p.name(), Path.of(p.kernel()), optionalPath(p.initrd()), optionalPath(p.modules()),
                                Boolean.TRUE.equals(p.force())).summary()),
                Method.of("kernel.pull", KernelPullParams.class, OperationSummary.class, KernelFamily::pull));
    }

    /** Checks everything that can be checked before the operation starts, so bad input creates nothing. */
    private static OperationSummary pull(CallContext ctx, KernelPullParams p) throws Exception {
        String name = KernelName.validate(p.effectiveName());
        if (!name.equals(DebianCloudKernel.DEFAULT_NAME)) {
            throw RpcException.notFound("no kernel catalog entry '" + name + "'; available: " + DebianCloudKernel.DEFAULT_NAME);
        }
        ImageServices s = services(ctx);
        boolean force = Boolean.TRUE.equals(p.force());
        if (!force && s.kernels.exists(name)) {
            throw new RpcException(dev.banger.kernel.api.wire.ErrorCode.ALREADY_EXISTS,
                    "kernel '" + name + "' already exists; delete it first or pull with --force");
        }
        return ctx.operations().begin(ctx, "kernel.pull", name, progress -> new DebianCloudKernel(s.kernels).pull(name, force, progress));
    }

    private static Optional<Path> optionalPath(String p) {
        return p == null || p.isBlank() ? Optional.empty() : Optional.of(Path.of(p));
    }

    private static ImageServices services(CallContext ctx) throws Exception {
        return ImageServices.of(ctx.home());
    }
}
