package io.tailguard.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tailguard.signals.SignalLayersConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds {@code strategies/signal-layers.yaml} and {@code config/signal-sources.yaml} into their records. Unknown keys
 * and missing values are errors; every error names the file and the field.
 */
public final class SignalLayersConfigLoader {
    public static final Path DEFAULT_LAYERS_FILE = Path.of("strategies", "signal-layers.yaml");
    public static final Path DEFAULT_SOURCES_FILE = Path.of("config", "signal-sources.yaml");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public SignalLayersConfig loadLayers(Path file) {
        return load(file, SignalLayersConfig.class);
    }

    /** Loads the sources and applies {@code FRED_API_KEY} from the given environment. */
    public SignalSourcesConfig loadSources(Path file, Map<String, String> environment) {
        return load(file, SignalSourcesConfig.class).withEnvironment(environment);
    }

    private <T> T load(Path file, Class<T> type) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
        try {
            T value = yaml.readValue(text, type);
            if (value == null) {
                throw new ConfigException(file + ": file is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ": unknown field '" + path(e) + "'", e);
        } catch (JsonMappingException e) {
            Throwable cause = rootCause(e);
            String detail = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    ? cause.getMessage() : e.getOriginalMessage();
            throw new ConfigException(file + ": field '" + path(e) + "': " + detail, e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** A configuration file that cannot be used; the message names the file and the field. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }

        public ConfigException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
