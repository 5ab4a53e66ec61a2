package dev.banger.cli.update;

/** A preflight said no: nothing was changed, and the message says why. */
public final class UpdateRefused extends Exception {
    public UpdateRefused(String message) {
        super(message);
    }
}
