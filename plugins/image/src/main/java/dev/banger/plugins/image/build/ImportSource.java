package dev.banger.plugins.image.build;

import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.oci.LayerStreams;
import dev.banger.plugins.image.rootfs.LayerSupplier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** image.import: a root filesystem directory, a tar (plain, gzip or zstd), or an OCI image layout. */
public record ImportSource(Path path) implements LayerSource {
    private static final String TAR = "application/vnd.oci.image.layer.v1.tar";

    /** Checked before the operation starts, so a wrong path creates nothing. */
    public ImportSource {
        if (!path.isAbsolute()) {
            throw RpcException.badRequest("params.path: '" + path + "' must be an absolute path on the daemon's host");
        }
        if (!Files.exists(path)) {
            throw RpcException.notFound("params.path: " + path + " does not exist");
        }
    }

    @Override
    public FetchedLayers fetch(Path work, OperationProgress progress) throws Exception {
        progress.stage("read " + path);
        if (Files.isDirectory(path) && Files.isRegularFile(path.resolve("oci-layout"))) {
            return OciLayoutReader.read(path);
        }
        if (Files.isDirectory(path)) {
            return new FetchedLayers(List.of(LayerSupplier.of(path.toString(), () -> DirectoryTar.stream(path))), "import:" + path, null);
        }
        String mediaType = mediaTypeOf(path.getFileName().toString());
        return new FetchedLayers(List.of(LayerSupplier.of(path.toString(), path, () -> LayerStreams.open(path, mediaType))), "import:" + path, null);
    }

    private static String mediaTypeOf(String file) {
        if (file.endsWith(".tar.gz") || file.endsWith(".tgz")) {
            return TAR + "+gzip";
        }
        if (file.endsWith(".tar.zst") || file.endsWith(".tzst")) {
            return TAR + "+zstd";
        }
        if (file.endsWith(".tar")) {
            return TAR;
        }
        throw RpcException.badRequest("params.path: " + file + " is not a directory, an OCI layout or a .tar/.tar.gz/.tar.zst file");
    }
}
