package dev.banger.kernel.core.plugins;

/** The daemon refuses to start with these plugins; the message names them and what to do. */
public class PluginStartupException extends Exception {
    public PluginStartupException(String message) {
        super(message);
    }

    public PluginStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
