package io.tailguard.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tailguard.config.ConfigException;
import io.tailguard.config.YamlConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the installation's configuration file ({@code config/tailguard.yaml}) into {@link TailguardConfig}
 * through the generic binder ({@link YamlConfig}): one line naming the file, the field and what is allowed.
 *
 * <p>Environment variables override the secrets-free essentials: {@code TAILGUARD_BROKER_HOST},
 * {@code TAILGUARD_BROKER_PORT}, {@code TAILGUARD_BROKER_CLIENT_ID}, {@code TAILGUARD_DB_URL}; a bad value that
 * came from one is blamed on the variable.
 */
public final class ConfigLoader {
    private static final Map<String, String[]> ENV_OVERRIDES = Map.of(
            "TAILGUARD_BROKER_HOST", new String[] {"broker", "host"},
            "TAILGUARD_BROKER_PORT", new String[] {"broker", "port"},
            "TAILGUARD_BROKER_CLIENT_ID", new String[] {"broker", "clientId"},
            "TAILGUARD_DB_URL", new String[] {"database", "url"});

    private final ObjectMapper yaml;
    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.yaml = YamlConfig.newYamlMapper();
    }

    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    public TailguardConfig load(Path file) {
        JsonNode tree = YamlConfig.readTree(file, yaml);
        Map<String, String> overridden = applyEnvironment(file, tree);
        try {
            return YamlConfig.bind(file, tree, TailguardConfig.class, yaml);
        } catch (ConfigException e) {
            // a bad value that came from the environment is the variable's fault, not the file's
            String variable = e.field().map(overridden::get).orElse(null);
            if (variable == null) {
                throw e;
            }
            throw new ConfigException("environment variable " + variable + "='" + environment.get(variable) + "': "
                    + e.detail() + " (it overrides " + e.field().get() + " of " + file + ")", e);
        }
    }

    /** Writes the overrides into the tree; returns the dotted path of each field overridden, with its variable. */
    private Map<String, String> applyEnvironment(Path file, JsonNode tree) {
        Map<String, String> overridden = new HashMap<>();
        ENV_OVERRIDES.forEach((variable, path) -> {
            String value = environment.get(variable);
            if (value == null || value.isBlank()) {
                return;
            }
            overridden.put(path[0] + "." + path[1], variable);
            JsonNode section = tree.get(path[0]);
            if (section == null || section.isNull()) {
                section = ((ObjectNode) tree).putObject(path[0]);
            }
            if (!section.isObject()) {
                throw new ConfigException(file + ": " + path[0] + ": expected a mapping (set by " + variable + ")");
            }
            ((ObjectNode) section).put(path[1], value);
        });
        return overridden;
    }
}
