package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;

/** The cancelled error for a thread interrupted while pulling. */
final class Cancellation {
    private Cancellation() {
    }

    static RpcException interrupted() {
        return new RpcException(ErrorCode.CANCELLED, "the pull was interrupted");
    }
}
