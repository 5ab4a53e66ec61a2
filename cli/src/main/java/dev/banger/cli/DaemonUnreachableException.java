package dev.banger.cli;

/** Nothing answers on the daemon socket and we may not (or could not) start it. */
public class DaemonUnreachableException extends RuntimeException {
    public DaemonUnreachableException(String message) {
        super(message);
    }
}
