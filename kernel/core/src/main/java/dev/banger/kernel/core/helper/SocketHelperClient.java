package dev.banger.kernel.core.helper;

import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reaches bangerd-root over its socket, one connection per call, forwarding the caller's op id. */
public record SocketHelperClient(Path socket, String opId) implements HelperClient {
    @Override
    public <R> R call(String method, Object params, Class<R> result) {
        try (RpcClient client = RpcClient.connect(socket)) {
            return client.call(method, params, result, opId, e -> { });
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "this needs bangerd-root, which is not answering on " + socket
                    + " (" + e.getMessage() + "): run `sudo banger system install`, or use `--network user`", e);
        }
    }

    @Override
    public boolean reachable() {
        if (!Files.exists(socket)) {
            return false;
        }
        try (RpcClient client = RpcClient.connect(socket)) {
            client.callRaw("priv.ping", null, opId, e -> { });
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
