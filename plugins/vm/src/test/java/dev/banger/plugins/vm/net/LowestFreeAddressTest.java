package dev.banger.plugins.vm.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.helper.api.Ipv4Cidr;
import dev.banger.kernel.api.wire.RpcException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LowestFreeAddressTest {
    private static final Ipv4Cidr SUBNET = Ipv4Cidr.parse("172.30.0.0/24", "subnet");

    @Test
    void theFirstGuestGetsTheAddressAfterTheGateway() {
        assertThat(LowestFreeAddress.pick(SUBNET, Set.of())).isEqualTo("172.30.0.2");
    }

    @Test
    void theLowestFreeAddressIsTakenEvenWhenAHigherOneIsFree() {
        assertThat(LowestFreeAddress.pick(SUBNET, Set.of("172.30.0.2", "172.30.0.4"))).isEqualTo("172.30.0.3");
    }

    @Test
    void aReleasedAddressIsReusedFirst() {
        Set<String> taken = new HashSet<>(Set.of("172.30.0.2", "172.30.0.3", "172.30.0.4"));
        taken.remove("172.30.0.3");
        assertThat(LowestFreeAddress.pick(SUBNET, taken)).isEqualTo("172.30.0.3");
    }

    @Test
    void aFullSubnetIsAClearErrorNeverTheBroadcastAddress() {
        Ipv4Cidr small = Ipv4Cidr.parse("10.9.0.0/29", "subnet");
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            taken.add(LowestFreeAddress.pick(small, taken));
        }
        assertThat(taken).containsExactlyInAnyOrder("10.9.0.2", "10.9.0.3", "10.9.0.4", "10.9.0.5", "10.9.0.6");
        assertThatThrownBy(() -> LowestFreeAddress.pick(small, taken))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("operation_failed"))
                .hasMessageContaining("no free address left in the bridge subnet 10.9.0.0/29")
                .hasMessageContaining("bridge_subnet");
    }

    @Test
    void aSubnetHighInTheAddressSpaceDoesNotOverflow() {
        assertThat(LowestFreeAddress.pick(Ipv4Cidr.parse("192.168.255.0/24", "subnet"), Set.of())).isEqualTo("192.168.255.2");
    }
}
