package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.function.LongConsumer;

/**
 * Streams one blob from the registry into the cache's staging file. A connection that breaks (or ends
 * early) is resumed with {@code Range: bytes=<written>-}; a server that ignores Range and sends 200
 * restarts the file, and one that goes silent is cut by {@link StallGuard}. Cancellation is checked
 * between chunks. Verification is the cache's job.
 */
final class RegistryBlobSource implements BlobSource {
    private static final int CHUNK = 64 * 1024;
    private final RegistryClient client;
    private final BlobDigest digest;
    private final long size;
    private final OperationProgress progress;
    private final LongConsumer onBytes;

    RegistryBlobSource(RegistryClient client, BlobDigest digest, long size, OperationProgress progress, LongConsumer onBytes) {
        this.client = client;
        this.digest = digest;
        this.size = size;
        this.progress = progress;
        this.onBytes = onBytes;
    }

    @Override
    public void writeTo(StagedBlob target) throws IOException {
        long limit = client.options().maxBlobBytes();
        if (size > limit) {
            throw tooLarge(size, limit);
        }
        int interruptions = 0;
        while (true) {
            progress.checkCancelled();
            HttpResponse<InputStream> response = client.openBlob(digest, target.size());
            if (target.size() > 0 && (response.statusCode() == 200 || !resumesAt(response, target.size()))) {
                onBytes.accept(-target.size());
                target.restart();
            }
            IOException broken = copy(response, target, limit);
            progress.checkCancelled(); // a cancel closes a stalled stream: report it as the cancel it is
            if (broken == null && target.size() >= size) {
                return;
            }
            if (++interruptions >= client.options().maxAttempts()) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "Tried to pull " + client.reference() + " but blob " + digest
                        + " broke off " + interruptions + " times (last at byte " + target.size() + " of " + size + "): "
                        + (broken != null ? broken : "connection ended early"));
            }
            RegistryHttp.sleep(client.options().backoff(interruptions).toMillis());
        }
    }

    /** Copies until the body ends; an I/O error while reading the body is returned (to resume), not thrown. */
    private IOException copy(HttpResponse<InputStream> response, StagedBlob target, long limit) throws IOException {
        byte[] buffer = new byte[CHUNK];
        try (InputStream body = response.body();
             StallGuard guard = new StallGuard(body, progress, client.options().timeout())) {
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    return guard.stalled() ? stalled() : e;
                }
                if (n < 0) {
                    return guard.stalled() ? stalled() : null;
                }
                guard.bytesArrived();
                target.write(buffer, n);
                if (target.size() > limit) {
                    throw tooLarge(target.size(), limit);
                }
                if (target.size() > size) {
                    throw new RpcException(ErrorCode.OPERATION_FAILED, "Tried to pull " + client.reference() + " but blob "
                            + digest + " is longer than the " + size + " bytes its manifest declares");
                }
                onBytes.accept(n);
                progress.checkCancelled();
            }
        }
    }

    private IOException stalled() {
        return new IOException("no data from " + client.reference().registry() + " for " + client.options().timeout().toSeconds()
                + " s: the connection stalled and was cut");
    }

    /** A 206 must continue where we stopped; anything else means starting over. */
    private static boolean resumesAt(HttpResponse<InputStream> response, long offset) {
        String range = response.headers().firstValue("Content-Range").orElse("");
        return range.startsWith("bytes " + offset + "-");
    }

    private RpcException tooLarge(long bytes, long limit) {
        return tooLarge(client.reference(), digest, bytes, limit);
    }

    /** The one wording for a blob over the limit, whether the manifest claims it (OciPuller) or the download shows it. */
    static RpcException tooLarge(Object reference, Object digest, long bytes, long limit) {
        return new RpcException(ErrorCode.OPERATION_FAILED, "Tried to pull " + reference + " but blob " + digest
                + " (" + bytes + " bytes) exceeds the blob size limit of " + limit + " bytes");
    }
}
