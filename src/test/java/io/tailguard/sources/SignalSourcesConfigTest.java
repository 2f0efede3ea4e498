package io.tailguard.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.testing.SourceFixtures;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalSourcesConfigTest {
    private static final URI BASE = URI.create("http://127.0.0.1:1");

    @Test
    void requiresAUserAgentWithAnEmailAddressAsSecAsks() {
        assertThatThrownBy(() -> new SignalSourcesConfig.Edgar(BASE, "tailguard", 10, 3, Duration.ZERO,
                Duration.ofSeconds(5))).hasMessageContaining("edgar.userAgent");
    }

    @Test
    void refusesARateAboveSecsTenRequestsPerSecond() {
        assertThatThrownBy(() -> new SignalSourcesConfig.Edgar(BASE, "t t@example.com", 11, 3, Duration.ZERO,
                Duration.ofSeconds(5))).hasMessageContaining("edgar.requestsPerSecond");
    }

    @Test
    void takesTheFredKeyFromTheEnvironmentOnlyWhenSet() {
        SignalSourcesConfig config = SourceFixtures.sources(BASE, java.nio.file.Path.of("data"));

        assertThat(config.withEnvironment(Map.of()).fred().apiKey()).isEqualTo("test-key-123");
        assertThat(config.withEnvironment(Map.of("FRED_API_KEY", "env")).fred().apiKey()).isEqualTo("env");
    }

    @Test
    void namesTheFieldOfABadRetrySetting() {
        assertThatThrownBy(() -> new SignalSourcesConfig.Fred(BASE, "k", 2, 0, Duration.ZERO, Duration.ofSeconds(5), 1,
                120)).hasMessageContaining("fred.maxAttempts");
    }
}
