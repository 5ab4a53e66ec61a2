package dev.banger.kernel.core.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketHelperClientTest {
    @TempDir
    Path dir;

    @Test
    void aMissingHelperSaysWhatToDo() {
        SocketHelperClient client = new SocketHelperClient(dir.resolve("absent.sock"), "op-00000000000000aa");
        assertThat(client.reachable()).isFalse();
        assertThatThrownBy(() -> client.call("priv.ping", new NoParams(), Object.class))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("operation_failed"))
                .hasMessageContaining("bridge networking needs bangerd-root")
                .hasMessageContaining("run `sudo banger system install`, or use `--network user`")
                .hasMessageContaining("absent.sock");
    }
}
