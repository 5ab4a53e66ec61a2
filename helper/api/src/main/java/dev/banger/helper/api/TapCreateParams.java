package dev.banger.helper.api;

import dev.banger.kernel.api.wire.RpcException;

/**
 * {@code priv.tap.create}: a persistent tap {@code name}, owned by {@code owner_uid} (so the
 * unprivileged VMM can open it), attached to {@code bridge} and up. The helper accepts only its
 * configured owner uid.
 */
public record TapCreateParams(String name, String bridge, long ownerUid) {
    public TapCreateParams {
        InterfaceName.check(name, "params.name");
        InterfaceName.check(bridge, "params.bridge");
        if (ownerUid < 0 || ownerUid > 0xFFFF_FFFEL) {
            throw RpcException.badRequest("params.owner_uid: not a uid: " + ownerUid);
        }
        if (name.equals(bridge)) {
            throw RpcException.badRequest("params.bridge: must differ from params.name");
        }
    }
}
