package dev.banger.helper.server;

import dev.banger.kernel.api.wire.RpcException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The one JSON line every helper call leaves: {@code helper rpc completed} or {@code helper rpc
 * failed}, with op_id (from the MDC), method, duration_ms, the peer's uid and pid, and on failure
 * the error code and message. A refused peer is logged the same way, so its pid and uid are there.
 */
final class CallLog {
    static final String LOGGER = "banger.helper";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private CallLog() {
    }

    static void completed(String method, long startNanos, Peer peer) {
        base(LOG.atInfo(), method, startNanos, peer).log("helper rpc completed");
    }

    static void failed(String method, long startNanos, Peer peer, RpcException error) {
        base(LOG.atWarn(), method, startNanos, peer)
                .addKeyValue("error_code", error.code().wire())
                .addKeyValue("error", error.detail())
                .log("helper rpc failed");
    }

    private static LoggingEventBuilder base(LoggingEventBuilder b, String method, long startNanos, Peer peer) {
        return b.addKeyValue("method", method == null ? "-" : method)
                .addKeyValue("duration_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos))
                .addKeyValue("peer_uid", peer.uid())
                .addKeyValue("peer_pid", peer.pid());
    }
}
