package dev.banger.cli.system;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.wire.RpcException;

/** The user bangerd runs as, resolved through the host's account database (`id`), so NSS users work too. */
public record OwnerAccount(String name, long uid, long gid) {
    public static OwnerAccount lookup(String name) {
        if (!name.matches("[a-z_][a-z0-9_.-]*[$]?") || name.length() > 32) {
            throw new IllegalArgumentException("--owner: not a valid user name: " + name);
        }
        try {
            long uid = Long.parseLong(HostCommand.of("id", "-u", name).purpose("look up user " + name).run().stdout().strip());
            long gid = Long.parseLong(HostCommand.of("id", "-g", name).purpose("look up user " + name).run().stdout().strip());
            return new OwnerAccount(name, uid, gid);
        } catch (RpcException e) {
            throw new IllegalArgumentException("--owner: no such user: " + name);
        }
    }
}
