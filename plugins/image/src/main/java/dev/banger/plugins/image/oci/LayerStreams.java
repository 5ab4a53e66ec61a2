package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.wire.RpcException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a cached layer blob as an uncompressed tar stream, by its media type. Streams; never loads a layer. */
public final class LayerStreams {
    private static final int BUFFER = 64 * 1024;

    private LayerStreams() {
    }

    /**
     * @throws RpcException bad_request naming the media type when it is not a tar, tar+gzip or tar+zstd layer
     */
    public static InputStream open(Path blob, String mediaType) throws IOException {
        return switch (compressionOf(mediaType)) {
            case NONE -> new BufferedInputStream(Files.newInputStream(blob), BUFFER);
            // GZIPInputStream reads concatenated members too, as some layer writers produce them
            case GZIP -> new GZIPInputStream(new BufferedInputStream(Files.newInputStream(blob), BUFFER), BUFFER);
            case ZSTD -> ZstdProcessStream.decompress(blob);
        };
    }

    enum Compression { NONE, GZIP, ZSTD }

    static Compression compressionOf(String mediaType) {
        String type = mediaType == null ? "" : mediaType;
        switch (type) {
            case "application/vnd.oci.image.layer.v1.tar",
                 "application/vnd.oci.image.layer.nondistributable.v1.tar",
                 "application/vnd.docker.image.rootfs.diff.tar":
                return Compression.NONE;
            case "application/vnd.oci.image.layer.v1.tar+gzip",
                 "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
                 "application/vnd.docker.image.rootfs.diff.tar.gzip",
                 "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip":
                return Compression.GZIP;
            case "application/vnd.oci.image.layer.v1.tar+zstd",
                 "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd":
                return Compression.ZSTD;
            default:
                throw RpcException.badRequest("layer media type '" + mediaType
                        + "' is not supported (expected an OCI or Docker tar, tar+gzip or tar+zstd layer)");
        }
    }
}
