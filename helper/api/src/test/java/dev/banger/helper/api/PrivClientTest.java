package dev.banger.helper.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivClientTest {
    @Test
    void callsGoOutTypedAndValidated() {
        List<Object> sent = new ArrayList<>();
        HelperClient fake = new HelperClient() {
            @Override
            public <R> R call(String method, Object params, Class<R> result) {
                sent.add(method);
                sent.add(params);
                return result.cast(new BridgeResult("bgr-br0", "172.16.0.1/24", true));
            }

            @Override
            public boolean reachable() {
                return true;
            }
        };
        assertThat(new PrivClient(fake).bridgeEnsure("bgr-br0", "172.16.0.1/24").changed()).isTrue();
        assertThat(sent).containsExactly(HelperMethods.BRIDGE_ENSURE, new BridgeEnsureParams("bgr-br0", "172.16.0.1/24"));
        assertThatThrownBy(() -> new PrivClient(fake).bridgeEnsure("bgr-br0", "8.8.8.1/24"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        assertThat(sent).hasSize(2);
    }

    @Test
    void helperErrorsPassThroughUnchanged() {
        HelperClient refusing = new HelperClient() {
            @Override
            public <R> R call(String method, Object params, Class<R> result) {
                throw new RpcException(ErrorCode.UNAUTHORIZED, "uid 5 may not use bangerd-root", "op-0123456789abcdef", null);
            }

            @Override
            public boolean reachable() {
                return true;
            }
        };
        assertThatThrownBy(() -> new PrivClient(refusing).natList())
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
    }
}
