package dev.banger.kernel.core.config;

/** The config file cannot be used; the message names the file and the key. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
