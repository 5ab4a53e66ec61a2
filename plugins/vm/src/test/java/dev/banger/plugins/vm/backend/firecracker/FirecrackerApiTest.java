package dev.banger.plugins.vm.backend.firecracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client call the spec forbids surfaces as a clear RpcException carrying Firecracker's reason. */
class FirecrackerApiTest {
    @TempDir
    Path dir;

    @Test
    void aWronglyTypedFieldComesBackAsFirecrackersRefusal() throws Exception {
        try (FakeFirecrackerApi fake = FakeFirecrackerApi.start(dir.resolve("api.sock"), "vm-test")) {
            FirecrackerApi api = new FirecrackerApi(new UnixHttpClient(fake.socketPath(), Duration.ofSeconds(5)));

            // the deliberate client bug: memory as a string
            assertThatThrownBy(() -> api.put("/machine-config", Map.of("vcpu_count", 2, "mem_size_mib", "1024")))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                    .hasMessage("firecracker refused PUT /machine-config: body.mem_size_mib must be integer, got string \"1024\"");
            assertThat(fake.violations()).hasSize(1);
        }
    }

    @Test
    void anUnreachableSocketIsReportedWithItsPath() {
        Path missing = dir.resolve("nobody-listens.sock");
        FirecrackerApi api = new FirecrackerApi(new UnixHttpClient(missing, Duration.ofSeconds(1)));

        assertThatThrownBy(() -> api.get("/"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageStartingWith("firecracker API at " + missing + " unreachable for GET /");
    }

    @Test
    void aSuccessfulGetIsDecoded() throws Exception {
        try (FakeFirecrackerApi fake = FakeFirecrackerApi.start(dir.resolve("api.sock"), "vm-test")) {
            FirecrackerApi api = new FirecrackerApi(new UnixHttpClient(fake.socketPath(), Duration.ofSeconds(5)));

            assertThat(api.get("/machine-config").path("mem_size_mib").asInt()).isEqualTo(128);
            assertThat(api.get("/version").path("firecracker_version").asText()).isEqualTo("1.17.0-dev");
        }
    }
}
