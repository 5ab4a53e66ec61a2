package dev.banger.kernel.api.wire;

/**
 * A typed RPC failure. Inside the daemon it carries the code the edge will send; on the client side
 * it also carries the op id, and {@link #getMessage()} ends with {@code (op-…)}.
 */
public class RpcException extends RuntimeException {
    private final ErrorCode code;
    private final String detail;
    private final String opId;

    public RpcException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public RpcException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    public RpcException(ErrorCode code, String message, String opId, Throwable cause) {
        super(opId == null ? message : message + " (" + opId + ")", cause);
        this.code = code;
        this.detail = message;
        this.opId = opId;
    }

    public static RpcException badRequest(String message) {
        return new RpcException(ErrorCode.BAD_REQUEST, message);
    }

    public static RpcException notFound(String message) {
        return new RpcException(ErrorCode.NOT_FOUND, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The message without the op id suffix. */
    public String detail() {
        return detail;
    }

    public String opId() {
        return opId;
    }

    public RpcError toError() {
        return new RpcError(code, detail);
    }
}
