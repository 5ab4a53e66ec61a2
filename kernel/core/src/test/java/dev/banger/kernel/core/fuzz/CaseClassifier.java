package dev.banger.kernel.core.fuzz;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.kernel.core.rpc.ParamDecoder;
import dev.banger.kernel.core.rpc.RequestEnvelope;
import java.util.Map;

/**
 * Decides, before a case is sent, whether it is garbage (and which protocol error it must get) or
 * a request that "happens to be valid". The rule for valid is the daemon's own: the envelope
 * passes and the method's params record decodes (its constructor's checks included). So the fuzz
 * does not prove the decoder's rules right (the dispatcher and decoder unit tests do that); it
 * proves that whatever the decoder decides, the daemon answers exactly once, with a protocol error
 * for garbage, never an internal error, and never runs a handler on params that do not decode.
 */
public final class CaseClassifier {
    private final Map<String, Class<?>> paramsByMethod;

    public CaseClassifier(Map<String, Class<?>> paramsByMethod) {
        this.paramsByMethod = paramsByMethod;
    }

    public Expectation classify(FuzzCase c) {
        String method = null;
        try {
            RequestEnvelope request = RequestEnvelope.parse(c.line());
            request.opId("op-0000000000000000");
            method = request.method("bangerd");
            Class<?> type = paramsByMethod.get(method);
            if (type == null) {
                return Expectation.refused(method, ErrorCode.UNKNOWN_METHOD);
            }
            ParamDecoder.decode(method, request.params(), type);
            return Expectation.valid(method);
        } catch (RpcException e) {
            return Expectation.refused(method, e.code());
        } catch (RuntimeException e) {
            // the decoder itself broke: the daemon would answer operation_failed, which the oracle reports
            return Expectation.refused(method, ErrorCode.BAD_REQUEST);
        }
    }
}
