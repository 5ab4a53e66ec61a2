package dev.banger.plugins.vm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** vm.set takes the sizes vm.create takes; forwards take ports 1..65535; each refusal names the field. */
class SizeAndPortParamsTest {
    private static void refused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.getMessage()).contains(field);
        });
    }

    @Test
    void setChecksTheSameLimitsAsCreate() {
        for (int vcpu : new int[] {0, 33}) {
            refused(() -> new VmSetParams("dev", vcpu, null), "params.vcpu");
            refused(() -> new VmCreateParams(null, null, null, vcpu, null, null, null, null, null, null), "params.vcpu");
        }
        for (int mib : new int[] {127, 65537}) {
            refused(() -> new VmSetParams("dev", null, mib), "params.memory_mib");
            refused(() -> new VmCreateParams(null, null, null, null, mib, null, null, null, null, null), "params.memory_mib");
        }
        assertThatCode(() -> new VmSetParams("dev", 1, 128)).doesNotThrowAnyException();
        assertThatCode(() -> new VmSetParams("dev", 32, 65536)).doesNotThrowAnyException();
    }

    @Test
    void setNeedsAValidNameAndSomethingToChange() {
        refused(() -> new VmSetParams("dev", null, null), "vcpu, memory_mib");
        refused(() -> new VmSetParams("Not/A/Name", 1, null), "params.name");
    }

    @Test
    void forwardPortsAreOneTo65535AndTheGuestPortIsRequired() {
        for (int bad : new int[] {0, -1, 70000}) {
            refused(() -> new VmForwardAddParams("dev", bad, null), "params.guest_port");
            refused(() -> new VmForwardAddParams("dev", 80, bad), "params.host_port");
            refused(() -> new VmForwardRemoveParams("dev", bad), "params.host_port");
        }
        refused(() -> new VmForwardAddParams("dev", null, null), "params.guest_port");
        refused(() -> new VmForwardRemoveParams("dev", null), "params.host_port");
        assertThatCode(() -> new VmForwardAddParams("dev", 65535, 1)).doesNotThrowAnyException();
    }
}
