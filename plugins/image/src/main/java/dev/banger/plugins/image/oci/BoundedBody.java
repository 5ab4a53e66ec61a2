package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

/** Reads small response bodies (manifests, tokens) into memory, refusing anything over a limit. */
final class BoundedBody {
    private BoundedBody() {
    }

    static byte[] read(HttpResponse<InputStream> response, long limit, String what) throws IOException {
        try (InputStream body = response.body()) {
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit) {
                throw tooLarge(what, declared, limit);
            }
            byte[] bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw tooLarge(what, bytes.length, limit);
            }
            return bytes;
        }
    }

    private static RpcException tooLarge(String what, long size, long limit) {
        return new RpcException(ErrorCode.OPERATION_FAILED,
                what + " is larger than the limit of " + limit + " bytes (" + size + " bytes or more); refusing it");
    }
}
