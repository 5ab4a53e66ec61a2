package dev.banger.dist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.RpcFamily;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.plugins.image.ImageFamily;
import dev.banger.plugins.image.KernelFamily;
import dev.banger.plugins.ops.DaemonFamily;
import dev.banger.plugins.vm.VmFamily;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The methods a running daemon serves (from daemon.plugins.list, so a new method is fuzzed without
 * touching the test) with their params records (from the shipped families, which the test
 * classpath has; the wire does not describe params). A live method with no known record fails
 * the test instead of going unfuzzed.
 */
record LiveMethodTable(Map<String, Class<?>> params, Set<String> streaming) {
    static LiveMethodTable of(RpcClient daemon) {
        Map<String, Method<?, ?>> known = new TreeMap<>();
        for (RpcFamily family : new RpcFamily[] {new DaemonFamily(), new ImageFamily(), new KernelFamily(), new VmFamily()}) {
            family.methods().forEach(m -> known.put(m.name(), m));
        }
        Map<String, Class<?>> params = new TreeMap<>();
        Set<String> streaming = new TreeSet<>();
        for (JsonNode plugin : daemon.callRaw("daemon.plugins.list", null, null, e -> { }).path("plugins")) {
            for (JsonNode name : plugin.path("methods")) {
                Method<?, ?> m = known.get(name.asText());
                if (m == null) {
                    throw new AssertionError("the daemon serves " + name.asText() + ", whose params record this test does not know;"
                            + " add its family to LiveMethodTable");
                }
                params.put(m.name(), m.params());
                if (m.streaming()) {
                    streaming.add(m.name());
                }
            }
        }
        return new LiveMethodTable(Map.copyOf(params), Set.copyOf(streaming));
    }
}
