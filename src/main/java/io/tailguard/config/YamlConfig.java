package io.tailguard.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one YAML binder of every configuration and strategy file: reads a file into a tree and binds it to a
 * validated config record. Every failure (malformed YAML, unknown key, wrong type, missing or out-of-range
 * value) becomes one {@link ConfigException} line of the form {@code <file>: <field path>: <what is wrong and
 * what is allowed>}. Capabilities own their config records; this package owns how a file becomes one.
 */
public final class YamlConfig {
    private YamlConfig() {
    }

    /** A YAML mapper that refuses unknown keys and binds java.time types; shared by every config file. */
    public static ObjectMapper newYamlMapper() {
        return new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /** Reads a YAML file into a tree, with a one-line error for a missing, unreadable or malformed file. */
    public static JsonNode readTree(Path file, ObjectMapper mapper) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": file not found");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            JsonNode tree = mapper.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new ConfigException(file + ": file is empty");
            }
            if (!tree.isObject()) {
                throw new ConfigException(file + ": expected a mapping of sections at the top level");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": malformed YAML" + where(e.getLocation()) + ": "
                    + firstLine(e.getOriginalMessage()));
        }
    }

    /** Binds a tree to a config record; errors name the file and the field path. */
    public static <T> T bind(Path file, JsonNode tree, Class<T> type, ObjectMapper mapper) {
        // unknown keys first: a misspelt key would otherwise surface as the required key it was meant to be
        // ("brokr:" as "broker: is required", "pathz:" as "simulation.paths: expected whole number")
        KnownKeys.check(tree, type).ifPresent(unknown -> {
            throw new ConfigException(file, unknown.path(), "unknown key"
                    + (unknown.allowed().isEmpty() ? "" : " (allowed here: " + String.join(", ", unknown.allowed()) + ")"));
        });
        try {
            return mapper.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String allowed = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(file, join(pathOf(e), e.getPropertyName()), "unknown key"
                    + (allowed.isEmpty() ? "" : " (allowed here: " + allowed + ")"));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            throw qualified(file, pathOf(e), firstLine(message));
        } catch (InvalidFormatException e) {
            String target = e.getTargetType() == null ? "value" : describe(e.getTargetType());
            throw new ConfigException(file, pathOf(e), "'" + e.getValue() + "' is not a valid " + target);
        } catch (MismatchedInputException e) {
            String target = e.getTargetType() == null ? "value" : describe(e.getTargetType());
            throw new ConfigException(file, pathOf(e), "expected " + target);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + firstLine(e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + firstLine(e.getMessage()));
        }
    }

    /**
     * A record's own message may already name its section ({@code search.putMoneynessMin: ...} from inside
     * {@code search}): the path is then joined where the two overlap, not repeated.
     */
    private static ConfigException qualified(Path file, String path, String message) {
        List<String> segments = path.isEmpty() ? List.of() : List.of(path.split("\\."));
        for (int start = 0; start < segments.size(); start++) {
            String suffix = String.join(".", segments.subList(start, segments.size()));
            if (message.startsWith(suffix + ".") || message.startsWith(suffix + ":") || message.startsWith(suffix + "/")) {
                return split(file, String.join(".", segments.subList(0, start)), message);
            }
        }
        return split(file, path, message);
    }

    /** Splits "field: detail" off a record's message, so the exception knows the whole field path. */
    private static ConfigException split(Path file, String parent, String message) {
        int colon = message.indexOf(": ");
        if (colon > 0 && !message.substring(0, colon).contains(" ")) {
            String field = parent.isEmpty() ? message.substring(0, colon) : parent + "." + message.substring(0, colon);
            return new ConfigException(file, field, message.substring(colon + 2));
        }
        return new ConfigException(file, parent, message);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            StringBuilder allowed = new StringBuilder();
            for (Object c : constants) {
                String name = c.toString().toLowerCase().replace('_', '-');
                allowed.append(allowed.length() == 0 ? "" : ", ").append(name);
            }
            return "value (allowed: " + allowed + ")";
        }
        return switch (type.getSimpleName()) {
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Double", "double", "BigDecimal" -> "number";
            case "Boolean", "boolean" -> "boolean (true or false)";
            case "Duration" -> "duration (ISO-8601, e.g. PT30S or PT5M)";
            case "ZoneId" -> "time zone (e.g. America/New_York)";
            case "String" -> "text value";
            default -> type.getSimpleName() + " (a mapping)";
        };
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String join(String parent, String child) {
        if (parent.isEmpty()) {
            return child;
        }
        return parent.endsWith("." + child) || parent.equals(child) ? parent : parent + "." + child;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
