package dev.banger.kernel.api.wire;

/** The socket itself failed (refused, closed mid-call): not an answer from the peer. */
public class RpcTransportException extends RuntimeException {
    public RpcTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
