package dev.banger.kernel.core.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.KernelInfo;
import dev.banger.kernel.api.Operations;
import dev.banger.kernel.api.PluginHome;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcTransportException;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The kernel's CallContext: one per call (nested in-process calls get their own, same op id). */
public final class CallScope implements CallContext {
    private final Dispatcher dispatcher;
    private final String opId;
    private final String pluginId;
    private final String method;
    private final boolean streaming;
    private final FrameSink sink;
    private final BooleanSupplier cancelled;

    CallScope(Dispatcher dispatcher, String opId, String pluginId, String method, boolean streaming,
              FrameSink sink, BooleanSupplier cancelled) {
        this.dispatcher = dispatcher;
        this.opId = opId;
        this.pluginId = pluginId;
        this.method = method;
        this.streaming = streaming;
        this.sink = sink;
        this.cancelled = cancelled;
    }

    /** The same call seen from a background operation: cancelled only by the operation's own flag. */
    public CallScope detached(BooleanSupplier operationCancelled) {
        return new CallScope(dispatcher, opId, pluginId, method, false, FrameSink.DISCARD, operationCancelled);
    }

    @Override
    public String opId() {
        return opId;
    }

    @Override
    public Logger log() {
        // op_id rides in the MDC, which the dispatcher and operation runner set for this thread
        return LoggerFactory.getLogger("banger." + pluginId);
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public <R> R call(String target, Object params, Class<R> result) {
        JsonNode out = dispatcher.invokeNested(this, target, Json.mapper().valueToTree(params));
        try {
            return Json.mapper().treeToValue(out, result);
        } catch (IOException e) {
            throw new RpcTransportException(method + " could not read the result of " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Operations operations() {
        return dispatcher.services().operations();
    }

    @Override
    public HelperClient helper() {
        return dispatcher.services().helper(opId);
    }

    @Override
    public PluginHome home() {
        return dispatcher.services().home(pluginId);
    }

    @Override
    public KernelInfo kernel() {
        return dispatcher.services().kernel();
    }

    @Override
    public void emit(Object event) {
        if (!streaming) {
            throw new IllegalStateException(method + " is not declared streaming and cannot emit events");
        }
        sink.write(Frames.event(opId, Json.mapper().valueToTree(event)));
    }

    BooleanSupplier cancellation() {
        return cancelled;
    }
}
