package dev.banger.kernel.core.helper;

import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.kernel.api.wire.RpcTransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reaches bangerd-root over its socket, one connection per call, forwarding the caller's op id. */
public record SocketHelperClient(Path socket, String opId) implements HelperClient {
    /** The one place that explains a missing helper: a fresh machine has none, and a socket error helps nobody. */
    static final String HOW_TO_FIX = "run `sudo banger system install`, or use `--network user`";

    @Override
    public <R> R call(String method, Object params, Class<R> result) {
        try (RpcClient client = RpcClient.connect(socket)) {
            return client.call(method, params, result, opId, e -> { });
        } catch (IOException | RpcTransportException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "bridge networking needs bangerd-root, which is not reachable on "
                    + socket + " (" + e.getMessage() + "): " + HOW_TO_FIX, e);
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
