package dev.banger.plugins.vm.workspace;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;

/** Turns a guest script's exit code into the error the caller sees (codes in {@link GuestScripts}). */
final class GuestRefusal {
    private GuestRefusal() {
    }

    static RpcException of(String vm, String step, GuestShell.Outcome o) {
        String said = o.stderr().strip();
        return switch (o.exitCode()) {
            case GuestScripts.REPO_EXISTS -> new RpcException(ErrorCode.CONFLICT, "VM " + vm + " already has " + WorkspacePlan.GUEST_PATH
                    + "; a VM holds one workspace (create another VM, or remove it with `banger vm exec " + vm + " -- rm -rf "
                    + WorkspacePlan.GUEST_PATH + "`)");
            case GuestScripts.NO_GIT -> new RpcException(ErrorCode.OPERATION_FAILED, "VM " + vm + " has no git; workspaces need an image"
                    + " with git (the default image debian-bookworm has it)");
            case GuestScripts.NO_WORKSPACE -> RpcException.notFound("VM " + vm + " has no workspace at " + WorkspacePlan.GUEST_PATH
                    + "; run `banger vm workspace prepare " + vm + " PATH` first");
            case GuestScripts.NO_BASE -> RpcException.notFound("VM " + vm + ": no base commit was recorded by prepare; give params.base_commit");
            case GuestScripts.BAD_BASE -> RpcException.badRequest("params.base_commit: not a commit in VM " + vm + "'s "
                    + WorkspacePlan.GUEST_PATH + " (" + said + ")");
            default -> new RpcException(ErrorCode.OPERATION_FAILED, step + " in VM " + vm + " failed with exit " + o.exitCode()
                    + (said.isEmpty() ? "" : ": " + tail(said)));
        };
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : "…" + text.substring(text.length() - 2000);
    }
}
