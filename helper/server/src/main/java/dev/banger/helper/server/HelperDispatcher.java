package dev.banger.helper.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.kernel.core.rpc.Dispatcher;
import dev.banger.kernel.core.rpc.Frames;
import dev.banger.kernel.core.rpc.OpIds;
import dev.banger.kernel.core.rpc.RequestEnvelope;
import dev.banger.kernel.core.rpc.ParamDecoder;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Answers one request line: adopt or mint the op id, refuse unauthorized peers, check the
 * envelope, decode the params into their record (which validates them) and run the method.
 * Calls run one at a time: they change shared kernel state (links, the nft table) with
 * check-then-act steps, and the helper's load is a handful of calls per VM start.
 */
public final class HelperDispatcher {
    private final MethodTable table;
    private final PeerPolicy peers;
    private final Object oneAtATime = new Object();

    public HelperDispatcher(MethodTable table, PeerPolicy peers) {
        this.table = table;
        this.peers = peers;
    }

    public ObjectNode dispatch(String line, Peer peer) {
        long start = System.nanoTime();
        String opId = OpIds.mint();
        String method = null;
        MDC.put(Dispatcher.MDC_OP_ID, opId);
        try {
            RequestEnvelope request = RequestEnvelope.parse(line);
            opId = request.opId(opId);
            MDC.put(Dispatcher.MDC_OP_ID, opId);
            if (!peers.allows(peer)) {
                throw new RpcException(ErrorCode.UNAUTHORIZED, "uid " + peer.uid() + " may not use bangerd-root (only root and uid "
                        + peers.ownerUid() + ")");
            }
            method = request.method("bangerd-root");
            ObjectNode frame = Frames.result(opId, Json.mapper().valueToTree(invoke(method, request)));
            CallLog.completed(method, start, peer);
            return frame;
        } catch (RpcException e) {
            CallLog.failed(method, start, peer, e);
            return Frames.error(opId, e.toError());
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(CallLog.LOGGER).error("{} failed unexpectedly", method, e);
            RpcException wrapped = new RpcException(ErrorCode.OPERATION_FAILED, method + " failed: " + e, e);
            CallLog.failed(method, start, peer, wrapped);
            return Frames.error(opId, wrapped.toError());
        } finally {
            MDC.remove(Dispatcher.MDC_OP_ID);
        }
    }

    private Object invoke(String name, RequestEnvelope request) {
        PrivMethod<?> m = table.find(name).orElseThrow(() -> new RpcException(ErrorCode.UNKNOWN_METHOD,
                "unknown method '" + name + "'; bangerd-root serves only " + String.join(", ", table.names().stream().sorted().toList())));
        Object params = ParamDecoder.decode(name, request.params(), m.params());
        synchronized (oneAtATime) {
            return m.invoke(params);
        }
    }
}
