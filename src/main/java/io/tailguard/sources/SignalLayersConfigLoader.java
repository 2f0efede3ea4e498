package io.tailguard.sources;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.tailguard.config.YamlConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailguard.signals.SignalLayersConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Binds {@code strategies/signal-layers.yaml} and {@code config/signal-sources.yaml} into their records. Unknown keys
 * and missing values are errors; every error names the file and the field.
 */
public final class SignalLayersConfigLoader {
    public static final Path DEFAULT_LAYERS_FILE = Path.of("strategies", "signal-layers.yaml");
    public static final Path DEFAULT_SOURCES_FILE = Path.of("config", "signal-sources.yaml");

    private final ObjectMapper yaml = YamlConfig.newYamlMapper()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public SignalLayersConfig loadLayers(Path file) {
        return load(file, SignalLayersConfig.class);
    }

    /** Loads the sources and applies {@code FRED_API_KEY} from the given environment. */
    public SignalSourcesConfig loadSources(Path file, Map<String, String> environment) {
        return load(file, SignalSourcesConfig.class).withEnvironment(environment);
    }

    /** One-line errors naming the file and the field, as for every tailguard configuration file. */
    private <T> T load(Path file, Class<T> type) {
        return YamlConfig.bind(file, YamlConfig.readTree(file, yaml), type, yaml);
    }
}
