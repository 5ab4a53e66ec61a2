package dev.banger.cli.system;

import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Does something serve banger's protocol on this socket? (bangerd: daemon.ping, bangerd-root: priv.ping) */
public final class SocketProbe {
    private SocketProbe() {
    }

    public static boolean answers(Path socket, String pingMethod) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (RpcClient c = RpcClient.connect(socket)) {
            c.callRaw(pingMethod, null, null, e -> { });
            return true;
        } catch (RpcException e) {
            return true; // it answered, if only with an error
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Polls until the socket answers or {@code timeoutMs} passes; stops early when {@code alive} turns false. */
    public static boolean awaitAnswer(Path socket, String pingMethod, long timeoutMs, java.util.function.BooleanSupplier alive)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (answers(socket, pingMethod)) {
                return true;
            }
            if (!alive.getAsBoolean()) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
