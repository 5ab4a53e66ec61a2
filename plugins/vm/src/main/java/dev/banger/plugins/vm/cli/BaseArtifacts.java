package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.OperationFollower;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.VmDefaultsResult;
import java.util.Map;

/**
 * The default image and kernel a VM boots from, fetched on first use so {@code vm run} works on a fresh install. Asked
 * of the image plugin through the daemon (plugins never call each other's code); its pull commands do the work
 * and OperationFollower shows their progress.
 */
final class BaseArtifacts {
    private final CliEnvironment env;

    BaseArtifacts(CliEnvironment env) {
        this.env = env;
    }

    /**
     * Fetches the daemon's default image and kernel when they are missing. Any other name is left to vm.create,
     * whose not_found names the pull command: guessing would turn a typo in --image into a Docker Hub pull.
     */
    void ensure(String image, String kernel, VmDefaultsResult defaults) {
        if (kernel.equals(defaults.kernel()) && missing("kernel.show", kernel)) {
            env.err().println("kernel " + kernel + " is not here yet: pulling it (first run only)");
            new OperationFollower(env).run("kernel.pull", Map.of("name", kernel), false);
        }
        if (image.equals(defaults.image()) && missing("image.show", image)) {
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
