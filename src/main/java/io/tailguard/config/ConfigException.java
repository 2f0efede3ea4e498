package io.tailguard.config;

import java.nio.file.Path;
import java.util.Optional;

/** A configuration that cannot be used. The message is one line naming the file, the field and what is allowed. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String detail;

    public ConfigException(String message) {
        super(message);
        this.field = null;
        this.detail = message;
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.field = null;
        this.detail = message;
    }

    /** A problem with one field of a file: {@code <file>: <field>: <detail>}. */
    public ConfigException(Path file, String field, String detail) {
        super(file + ": " + (field.isEmpty() ? "" : field + ": ") + detail);
        this.field = field;
        this.detail = detail;
    }

    /** The dotted path of the field at fault, when the problem is one field's. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** What is wrong with the field and what is allowed, without the file and the field. */
    public String detail() {
        return detail;
    }
}
