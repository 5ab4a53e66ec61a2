package dev.banger.kernel.core.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.Handler;
import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The kernel's three jobs in one place: check the protocol version, mint or adopt the op id, and
 * dispatch through the table with typed params. One log line per call.
 */
public final class Dispatcher {
    public static final String MDC_OP_ID = "op_id";
    private static final Logger LOG = LoggerFactory.getLogger("banger.rpc");

    private final DispatchTable table;
    private final KernelServices services;

    public Dispatcher(DispatchTable table, KernelServices services) {
        this.table = table;
        this.services = services;
    }

    public DispatchTable table() {
        return table;
    }

    KernelServices services() {
        return services;
    }

    /** Handles one request line; every frame it produces goes to {@code sink}, the last one final. */
    public void dispatch(String line, FrameSink sink, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        String opId = OpIds.mint();
        String method = null;
        String outerOp = MDC.get(MDC_OP_ID);
        MDC.put(MDC_OP_ID, opId);
        try {
            RequestEnvelope request = RequestEnvelope.parse(line);
            opId = request.opId(opId);
            MDC.put(MDC_OP_ID, opId);
            method = request.method("this daemon");
            JsonNode result = invoke(method, request.params(), opId, sink, cancelled);
            sink.write(Frames.result(opId, result));
            logCall(method, start, null);
        } catch (RpcException e) {
            sink.write(Frames.error(opId, e.toError()));
            logCall(method, start, e);
        } catch (RuntimeException e) {
            // e.g. a result Jackson cannot serialise: the client still gets exactly one final frame
            LOG.error("{} failed unexpectedly", method, e);
            RpcException failed = new RpcException(ErrorCode.OPERATION_FAILED, (method == null ? "request" : method) + " failed: " + e);
            sink.write(Frames.error(opId, failed.toError()));
            logCall(method, start, failed);
        } finally {
            restore(outerOp);
        }
    }

    /** The context a plugin's start hook runs in: its own op id and home, no client, cancelled when the daemon stops. */
    public CallScope startScope(String pluginId, String family, BooleanSupplier stopping) {
        return new CallScope(this, OpIds.mint(), pluginId, family + ".started", false, FrameSink.DISCARD, stopping);
    }

    /** An in-process call from one plugin to another: same op id, the caller's cancellation. */
    JsonNode invokeNested(CallScope parent, String method, JsonNode params) {
        long start = System.nanoTime();
        try {
            JsonNode result = invoke(method, params, parent.opId(), FrameSink.DISCARD, parent.cancellation());
            LOG.atDebug().addKeyValue("method", method).addKeyValue("duration_ms", elapsedMs(start)).log("nested rpc completed");
            return result;
        } catch (RpcException e) {
            LOG.atDebug().addKeyValue("method", method).addKeyValue("error", e.code().wire()).log("nested rpc failed");
            throw e;
        }
    }

    private JsonNode invoke(String method, JsonNode params, String opId, FrameSink sink, BooleanSupplier cancelled) {
        DispatchTable.Entry entry = table.find(method).orElseThrow(() -> unknownMethod(method));
        Method<?, ?> m = entry.method();
        Object decoded = ParamDecoder.decode(method, params, m.params());
        CallScope scope = new CallScope(this, opId, entry.pluginId(), method, m.streaming(), sink, cancelled);
        return Json.mapper().valueToTree(run(m, scope, decoded));
    }

    @SuppressWarnings("unchecked")
    private Object run(Method<?, ?> m, CallScope scope, Object params) {
        Handler<Object, Object> handler = (Handler<Object, Object>) m.handler();
        try {
            return handler.handle(scope, params);
        } catch (RpcException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(ErrorCode.CANCELLED, m.name() + " was interrupted");
        } catch (Exception e) {
            LOG.error("{} failed unexpectedly", m.name(), e);
            throw new RpcException(ErrorCode.OPERATION_FAILED, m.name() + " failed: " + e, e);
        }
    }

    private RpcException unknownMethod(String method) {
        return table.disabledOwner(method)
                .map(plugin -> new RpcException(ErrorCode.UNKNOWN_METHOD, "method '" + method + "' belongs to plugin '" + plugin
                        + "', which is disabled on this host (plugins.disabled in config.toml or disabled.txt in the plugins directory)"))
                .orElseGet(() -> new RpcException(ErrorCode.UNKNOWN_METHOD, "unknown method '" + method
                        + "'; `banger plugin list` shows the methods this daemon serves"));
    }

    /** For failures the connection detects before a request can be parsed (an oversized line). */
    public static void logRejected(String opId, RpcException error) {
        MDC.put(MDC_OP_ID, opId);
        try {
            logCall(null, System.nanoTime(), error);
        } finally {
            MDC.remove(MDC_OP_ID);
        }
    }

    /** The one line for a connection refused by the peer check: no method ran, so it says who knocked. */
    public static void logRefusedPeer(String opId, RpcException error, long peerUid, long peerPid) {
        MDC.put(MDC_OP_ID, opId);
        try {
            LOG.atWarn().addKeyValue("method", "-").addKeyValue("outcome", error.code().wire()).addKeyValue("error", error.detail())
                    .addKeyValue("peer_uid", peerUid).addKeyValue("peer_pid", peerPid).log("rpc failed");
        } finally {
            MDC.remove(MDC_OP_ID);
        }
    }

    private static void logCall(String method, long start, RpcException error) {
        var line = (error == null ? LOG.atInfo() : LOG.atWarn())
                .addKeyValue("method", method == null ? "-" : method)
                .addKeyValue("duration_ms", elapsedMs(start))
                .addKeyValue("outcome", error == null ? "ok" : error.code().wire());
        if (error != null) {
            line = line.addKeyValue("error", error.detail());
        }
        line.log(error == null ? "rpc completed" : "rpc failed");
    }

    private static long elapsedMs(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void restore(String outerOp) {
        if (outerOp == null) {
            MDC.remove(MDC_OP_ID);
        } else {
            MDC.put(MDC_OP_ID, outerOp);
        }
    }
}
