package dev.banger.helper.api;

/** {@code priv.bridge.ensure}: the bridge {@code name} exists, is up and carries {@code cidr} (e.g. 172.16.0.1/24). */
public record BridgeEnsureParams(String name, String cidr) {
    public BridgeEnsureParams {
        InterfaceName.check(name, "params.name");
        BridgeAddress.check(cidr, "params.cidr");
    }
}
