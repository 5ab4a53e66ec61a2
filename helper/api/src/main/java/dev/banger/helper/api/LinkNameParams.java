package dev.banger.helper.api;

/** {@code priv.bridge.delete} and {@code priv.tap.delete}: the one interface to remove. */
public record LinkNameParams(String name) {
    public LinkNameParams {
        InterfaceName.check(name, "params.name");
    }
}
