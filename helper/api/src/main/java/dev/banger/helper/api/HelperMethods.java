package dev.banger.helper.api;

/** Method names served by bangerd-root. */
public final class HelperMethods {
    public static final String PING = "priv.ping";

    private HelperMethods() {
    }
}
