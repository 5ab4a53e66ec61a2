package dev.banger.kernel.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.kernel.api.wire.ErrorCode;
import org.junit.jupiter.api.Test;

class PeerUidPolicyTest {
    private final PeerUidPolicy policy = new PeerUidPolicy(1000);

    @Test
    void theDaemonsOwnUidAndRootAreServed() {
        assertThat(policy.refusal(1000)).isEmpty();
        assertThat(policy.refusal(0)).isEmpty();
    }

    @Test
    void anyOtherUidIsUnauthorizedNamingBothUids() {
        assertThat(policy.refusal(65534)).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(e.getMessage()).contains("uid 65534").contains("uid 1000");
        });
    }

    @Test
    void thisProcessIsAlwaysAllowedToTalkToItself() {
        PeerUidPolicy mine = PeerUidPolicy.forThisProcess();
        assertThat(mine.refusal(mine.daemonUid())).isEmpty();
    }
}
