package dev.banger.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.ArrayList;
import java.util.List;

/**
 * `vm create` without --image/--kernel uses debian-bookworm and debian-cloud (the vm plugin's
 * VmDefaults); missing ones are built on first use, which takes a minute, so say so up front.
 */
final class DefaultArtifactsCheck implements Check {
    static final String IMAGE = "debian-bookworm";
    static final String KERNEL = "debian-cloud";

    @Override
    public String name() {
        return "defaults";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        String down = ctx.daemon().unreachableReason();
        if (down != null) {
            return CheckResult.warn(name(), "unknown (daemon not reachable)", DaemonProbe.startHint(), down);
        }
        List<String> missing = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        try {
            if (!names(ctx.daemon().call("image.list").path("images")).contains(IMAGE)) {
                missing.add("image " + IMAGE);
                hints.add("banger image pull " + IMAGE);
            }
            if (!names(ctx.daemon().call("kernel.list").path("kernels")).contains(KERNEL)) {
                missing.add("kernel " + KERNEL);
                hints.add("banger kernel pull " + KERNEL);
            }
        } catch (RpcException e) {
            return CheckResult.warn(name(), "unknown (image plugin did not answer)", "is the image plugin enabled? `banger plugin list`", e.getMessage());
        }
        if (missing.isEmpty()) {
            return CheckResult.pass(name(), "image " + IMAGE + ", kernel " + KERNEL);
        }
        return CheckResult.warn(name(), String.join(", ", missing) + " missing", String.join("; ", hints),
                "the first `vm create` builds what is missing (about a minute)");
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }
}
