package dev.banger.plugins.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.ArrayList;
import java.util.List;

/** Which VMs use an image, asked of the vm family through the dispatcher (plugins never import each other). */
final class ImageUsage {
    private ImageUsage() {
    }

    /** VM names using {@code image}; empty when the vm plugin is disabled or absent (nothing can be using it). */
    static List<String> vmsUsing(CallContext ctx, String image) {
        JsonNode vms;
        try {
            vms = ctx.call("vm.list", new NoParams(), JsonNode.class);
        } catch (RpcException e) {
            if (e.code() == ErrorCode.UNKNOWN_METHOD) {
                return List.of();
            }
            throw e;
        }
        List<String> users = new ArrayList<>();
        vms.path("vms").forEach(vm -> {
            if (image.equals(vm.path("image").asText())) {
                users.add(vm.path("name").asText());
            }
        });
        return users;
    }
}
