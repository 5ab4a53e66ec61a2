package dev.banger.plugins.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.ArrayList;
import java.util.List;

/** Which VMs use an image or kernel, asked of the vm family through the dispatcher (plugins never import each other). */
final class ImageUsage {
    private ImageUsage() {
    }

    /** VM names whose {@code field} ("image" or "kernel") is {@code name}; empty when the vm plugin is disabled or absent. */
    static List<String> vmsUsing(CallContext ctx, String field, String name) {
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
            if (name.equals(vm.path(field).asText())) {
                users.add(vm.path("name").asText());
            }
        });
        return users;
    }

    /** Refuses to take away what a VM boots from. */
    static void refuseIfUsed(CallContext ctx, String field, String name) {
        List<String> users = vmsUsing(ctx, field, name);
        if (!users.isEmpty()) {
            throw new RpcException(ErrorCode.CONFLICT, field + " '" + name + "' is used by VM(s) " + String.join(", ", users)
                    + "; delete them first (`banger vm delete " + users.get(0) + "`)");
        }
    }
}
