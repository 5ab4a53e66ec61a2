package dev.banger.plugins.vm.lifecycle;

import dev.banger.helper.api.DeleteResult;
import dev.banger.helper.api.HelperMethods;
import dev.banger.helper.api.NatResult;
import dev.banger.helper.api.PingResult;
import dev.banger.helper.api.TapResult;
import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.wire.Json;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A helper that answers every priv.* call with success and records "method params" for the test to read. */
final class RecordingHelper implements HelperClient {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean down;
    /** A method that fails as the real helper does when its command fails (operation_failed). */
    volatile String failOn;

    @Override
    public <R> R call(String method, Object params, Class<R> result) {
        if (down) {
            throw new dev.banger.kernel.api.wire.RpcException(dev.banger.kernel.api.wire.ErrorCode.OPERATION_FAILED,
                    "bridge networking needs bangerd-root, which is not reachable (test)");
        }
        calls.add(method + " " + Json.mapper().valueToTree(params));
        if (method.equals(failOn)) {
            throw new dev.banger.kernel.api.wire.RpcException(dev.banger.kernel.api.wire.ErrorCode.OPERATION_FAILED, method + " failed (test)");
        }
        Object answer = switch (method) {
            case HelperMethods.PING -> new PingResult("bangerd-root", "test", 0, "bgr-", "172.16.0.0/12", null);
            case HelperMethods.TAP_DELETE -> new DeleteResult("tap", true);
            case HelperMethods.TAP_CREATE -> new TapResult("tap", "bridge", 0, true);
            case HelperMethods.NAT_ENABLE, HelperMethods.NAT_DISABLE -> new NatResult("172.30.0.2", "tap", true);
            default -> Json.mapper().createObjectNode().put("changed", true);
        };
        return Json.mapper().convertValue(answer, result);
    }

    List<String> methods() {
        return calls.stream().map(c -> c.substring(0, c.indexOf(' '))).toList();
    }

    @Override
    public boolean reachable() {
        return !down;
    }
}
