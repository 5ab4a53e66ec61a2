package dev.banger.plugins.image;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.OperationSummary;
import dev.banger.plugins.image.api.ImageImportParams;
import dev.banger.plugins.image.api.ImagePullParams;
import dev.banger.plugins.image.build.CatalogSource;
import dev.banger.plugins.image.build.ImportSource;
import dev.banger.plugins.image.build.LayerSource;
import dev.banger.plugins.image.build.RegistrySource;
import dev.banger.plugins.image.catalog.CatalogEntry;
import dev.banger.plugins.image.catalog.ImageCatalog;
import dev.banger.plugins.image.files.EntryName;
import dev.banger.plugins.image.oci.Credentials;
import dev.banger.plugins.image.oci.ImageReference;
import dev.banger.plugins.image.oci.Platform;
import dev.banger.plugins.image.oci.RegistryOptions;
import dev.banger.plugins.image.oci.RegistrySettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * image.pull and image.import: both async operations. Every check that can fail on the request
 * alone (reference, name, credentials, platform, path, a taken name) runs before the operation
 * begins, so bad input gets bad_request and creates nothing.
 */
final class ImagePulls {
    private ImagePulls() {
    }

    static Method<ImagePullParams, OperationSummary> pull() {
        return Method.of("image.pull", ImagePullParams.class, OperationSummary.class, ImagePulls::beginPull);
    }

    static Method<ImageImportParams, OperationSummary> importImage() {
        return Method.of("image.import", ImageImportParams.class, OperationSummary.class, (ctx, p) ->
                begin(ctx, "image.import", p.name(), new ImportSource(Path.of(p.path())), p.sizeBytes(), p.force()));
    }

    private static OperationSummary beginPull(CallContext ctx, ImagePullParams p) throws Exception {
        Optional<CatalogEntry> entry = ImageCatalog.find(p.ref());
        if (entry.isPresent()) {
            String name = p.name() != null ? p.name() : entry.get().name();
            return begin(ctx, "image.pull", name, new CatalogSource(entry.get()), p.sizeBytes(), p.force());
        }
        ImageReference ref = ImageReference.parse(p.ref());
        Platform platform = p.platform() == null ? Platform.LINUX_AMD64 : Platform.parse(p.platform());
        Map<String, String> env = System.getenv();
        RegistryOptions options = RegistrySettings.apply(ctx.home().config(), RegistryOptions.defaults())
                .withCredentials(Credentials.resolve(ref.registry(), p.creds(), env, Credentials.defaultDockerConfig(env)))
                .withInsecure(Boolean.TRUE.equals(p.insecure()));
        String name = p.name() != null ? p.name() : DerivedName.of(ref);
        ImageServices s = ImageFamily.services(ctx);
        return begin(ctx, "image.pull", name, new RegistrySource(ref, platform, options, s.blobs), p.sizeBytes(), p.force());
    }

    private static OperationSummary begin(CallContext ctx, String kind, String name, LayerSource source, Long size, Boolean force) throws Exception {
        EntryName.validate(name, "image");
        boolean replace = Boolean.TRUE.equals(force);
        ImageServices s = ImageFamily.services(ctx);
        s.build.checkFree(name, replace);
        if (replace) {
            ImageUsage.refuseIfUsed(ctx, "image", name);
        }
        OptionalLong sizeBytes = size == null ? OptionalLong.empty() : OptionalLong.of(size);
        return ctx.operations().begin(ctx, kind, name, progress -> s.build.run(name, source, sizeBytes, replace, progress));
    }
}
