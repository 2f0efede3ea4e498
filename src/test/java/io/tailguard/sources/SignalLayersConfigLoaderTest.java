package io.tailguard.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.signals.SignalLayersConfig;
import io.tailguard.testing.SignalFixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalLayersConfigLoaderTest {
    private final SignalLayersConfigLoader loader = new SignalLayersConfigLoader();

    @TempDir
    Path dir;

    @Test
    void loadsTheShippedLayerDefaults() {
        SignalLayersConfig config = loader.loadLayers(SignalLayersConfigLoader.DEFAULT_LAYERS_FILE);
        SignalLayersConfig expected = SignalFixtures.defaults();

        assertThat(config.volatility()).isEqualTo(expected.volatility());
        assertThat(config.risk()).isEqualTo(expected.risk());
        assertThat(config.rateSensitivity()).isEqualTo(expected.rateSensitivity());
        assertThat(config.powellPause()).isEqualTo(expected.powellPause());
        assertThat(config.steepener()).isEqualTo(expected.steepener());
        assertThat(config.staleness()).isEqualTo(expected.staleness());
        assertThat(config.cashFlowDurability().minFcfMargin()).isEqualTo(0.15);
    }

    @Test
    void loadsTheShippedSourcesAndTakesTheFredKeyFromTheEnvironment() {
        SignalSourcesConfig sources = loader.loadSources(SignalLayersConfigLoader.DEFAULT_SOURCES_FILE,
                Map.of("FRED_API_KEY", "from-env"));

        assertThat(sources.fred().apiKey()).isEqualTo("from-env");
        assertThat(sources.fred().baseUrl()).isEqualTo(URI.create("https://api.stlouisfed.org/fred"));
        assertThat(sources.edgar().requestsPerSecond()).isEqualTo(10);
        assertThat(sources.fred().toString()).doesNotContain("from-env");
    }

    @Test
    void namesTheFileAndTheFieldOfAnUnknownKey() throws IOException {
        Path file = copyWith("  calmDaysToReenter: 5", "  calmDaysToReenter: 5\n  calmDaysToReEnter: 6");

        assertThatThrownBy(() -> loader.loadLayers(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("risk.calmDaysToReEnter: unknown key");
    }

    @Test
    void namesTheFileAndTheFieldOfAnInvalidValue() throws IOException {
        Path file = copyWith("    richFrom: 0.17", "    richFrom: 0.10");

        assertThatThrownBy(() -> loader.loadLayers(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("volatility.regime");
    }

    @Test
    void namesAMissingField() throws IOException {
        Path file = copyWith("  calmDaysToReenter: 5\n", "");

        assertThatThrownBy(() -> loader.loadLayers(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("calmDaysToReenter");
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> loader.loadLayers(dir.resolve("nope.yaml"))).hasMessageContaining("file not found");
    }

    private Path copyWith(String from, String to) throws IOException {
        String text = Files.readString(SignalLayersConfigLoader.DEFAULT_LAYERS_FILE);
        assertThat(text).contains(from);
        Path file = dir.resolve("signal-layers.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }
}
