package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.OperationFollower;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.Map;

/**
 * The image and kernel a VM boots from, fetched on first use so {@code vm run} works on a fresh install. Asked
 * of the image plugin through the daemon (plugins never call each other's code); its pull commands do the work
 * and OperationFollower shows their progress.
 */
final class BaseArtifacts {
    private final CliEnvironment env;

    BaseArtifacts(CliEnvironment env) {
        this.env = env;
    }

    void ensure(String image, String kernel) {
        if (missing("kernel.show", kernel)) {
            env.err().println("kernel " + kernel + " is not here yet: pulling it (first run only)");
            new OperationFollower(env).run("kernel.pull", Map.of("name", kernel), false);
        }
        if (missing("image.show", image)) {
            env.err().println("image " + image + " is not here yet: building it (first run only)");
            new OperationFollower(env).run("image.pull", Map.of("ref", image), false);
        }
    }

    private boolean missing(String method, String name) {
        try {
            env.call(method, Map.of("name", name), Object.class);
            return false;
        } catch (RpcException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }
}
