package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** vm.exec from the integration tests: the exit code and what the command printed on stdout. */
final class GuestExec {
    record Ran(int exit, String out) {
    }

    private GuestExec() {
    }

    /** Runs argv in the VM (in {@code cwd} when not null). */
    static Ran run(RpcClient c, String vm, String cwd, String... argv) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> p = new HashMap<>(Map.of("name", vm, "argv", List.of(argv)));
        if (cwd != null) {
            p.put("cwd", cwd);
        }
        JsonNode r = c.callRaw("vm.exec", p, null, e -> {
            if (e.path("stream").asText().equals("stdout")) {
                out.append(e.path("data").asText());
            }
        });
        return new Ran(r.path("exit_code").asInt(), out.toString());
    }

    /** Runs argv in the VM, asserts it exited 0, returns its stdout. */
    static String ok(RpcClient c, String vm, String... argv) {
        Ran r = run(c, vm, null, argv);
        assertThat(r.exit()).as(String.join(" ", argv)).isZero();
        return r.out();
    }
}
