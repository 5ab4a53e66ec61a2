package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the concrete kernel package behind Debian's {@code linux-image-cloud-amd64} meta package. */
final class CloudKernelPackage {
    static final String META_PACKAGE = "linux-image-cloud-amd64";
    private static final Pattern CONCRETE = Pattern.compile("Depends:\\s+(linux-image-[0-9]\\S*)");

    private CloudKernelPackage() {
    }

    static String resolve(OperationProgress progress) {
        String output = HostCommand.of(List.of("apt-cache", "depends", META_PACKAGE)).timeout(Duration.ofMinutes(1))
                .cancelledBy(progress).purpose("find the current Debian cloud kernel with apt-cache").run().stdout();
        return parse(output);
    }

    static String parse(String aptCacheDepends) {
        Matcher matcher = CONCRETE.matcher(aptCacheDepends);
        if (!matcher.find()) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "apt-cache depends " + META_PACKAGE
                    + " names no linux-image-<version> package; is a Debian amd64 source configured"
                    + " (and `apt-get update` run)? Output was: " + aptCacheDepends.strip());
        }
        return matcher.group(1);
    }
}
