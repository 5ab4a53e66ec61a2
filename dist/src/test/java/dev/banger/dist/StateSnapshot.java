package dev.banger.dist;

import dev.banger.kernel.api.wire.RpcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a daemon holds, as clients and the file system see it: the four lists, and every path
 * under its state directory. Equal snapshots before and after a test mean the test changed nothing.
 */
record StateSnapshot(String vms, String images, String kernels, String operations, List<String> stateFiles) {
    static StateSnapshot of(RpcClient c, Path stateDir) throws IOException {
        return new StateSnapshot(c.callRaw("vm.list", null, null, e -> { }).toString(),
                c.callRaw("image.list", null, null, e -> { }).toString(),
                c.callRaw("kernel.list", null, null, e -> { }).toString(),
                c.callRaw("daemon.operations.list", null, null, e -> { }).toString(),
                files(stateDir));
    }

    private static List<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
