package io.tailguard.testing;

import io.tailguard.sources.SignalSourcesConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;

/** Source configuration pointing at a loopback server, with no waits between retries. */
public final class SourceFixtures {
    private SourceFixtures() {
    }

    public static SignalSourcesConfig.Fred fred(URI base) {
        return new SignalSourcesConfig.Fred(URI.create(base + "/fred"), "test-key-123", 1000, 3, Duration.ZERO,
                Duration.ofSeconds(5), 1, 120);
    }

    public static SignalSourcesConfig.Edgar edgar(URI base) {
        return new SignalSourcesConfig.Edgar(base, "tailguard-tests tests@example.com", 10, 3, Duration.ZERO,
                Duration.ofSeconds(5));
    }

    public static SignalSourcesConfig sources(URI base, Path inputsDir) {
        return new SignalSourcesConfig(fred(base), edgar(base),
                new SignalSourcesConfig.Csv(inputsDir, inputsDir.resolve("bars")),
                new SignalSourcesConfig.Sample(Path.of("market-history"), Path.of("config", "inputs-example"),
                        "ibkr:TNX", 0.1), 420,
                LocalTime.of(16, 15), Duration.ofSeconds(2));
    }
}
