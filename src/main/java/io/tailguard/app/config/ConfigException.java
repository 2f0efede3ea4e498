package io.tailguard.app.config;

/** A configuration that cannot be used. The message is one line naming the file, the field and what is allowed. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
