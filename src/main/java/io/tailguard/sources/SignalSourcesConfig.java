package io.tailguard.sources;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;

/** Where the signal inputs come from ({@code config/signal-sources.yaml}); the FRED key may come from FRED_API_KEY. */
public record SignalSourcesConfig(Fred fred, Edgar edgar, Csv csv, int historyDays, LocalTime closeCutoff) {

    public SignalSourcesConfig {
        Objects.requireNonNull(fred, "fred is required");
        Objects.requireNonNull(edgar, "edgar is required");
        Objects.requireNonNull(csv, "csv is required");
        if (historyDays < 30) {
            throw new IllegalArgumentException("historyDays must be at least 30 but was " + historyDays);
        }
        Objects.requireNonNull(closeCutoff, "closeCutoff is required");
    }

    /** The same configuration with the FRED API key taken from {@code FRED_API_KEY} when it is set. */
    public SignalSourcesConfig withEnvironment(Map<String, String> environment) {
        String key = environment.get("FRED_API_KEY");
        if (key == null || key.isBlank()) {
            return this;
        }
        return new SignalSourcesConfig(fred.withApiKey(key), edgar, csv, historyDays, closeCutoff);
    }

    public record Fred(URI baseUrl, String apiKey, double requestsPerSecond, int maxAttempts, Duration retryWait,
            Duration timeout, int dailyPublicationLagDays, int quarterlyPublicationLagDays) {
        public Fred {
            Objects.requireNonNull(baseUrl, "fred.baseUrl is required");
            HttpLimits.check("fred", requestsPerSecond, maxAttempts, retryWait, timeout);
            if (dailyPublicationLagDays < 0 || quarterlyPublicationLagDays < 0) {
                throw new IllegalArgumentException("fred publication lags must not be negative");
            }
        }

        public Fred withApiKey(String key) {
            return new Fred(baseUrl, key, requestsPerSecond, maxAttempts, retryWait, timeout, dailyPublicationLagDays,
                    quarterlyPublicationLagDays);
        }

        @Override
        public String toString() {
            return "Fred[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
        }
    }

    public record Edgar(URI baseUrl, String userAgent, double requestsPerSecond, int maxAttempts, Duration retryWait,
            Duration timeout) {
        public Edgar {
            Objects.requireNonNull(baseUrl, "edgar.baseUrl is required");
            if (userAgent == null || !userAgent.contains("@")) {
                throw new IllegalArgumentException("edgar.userAgent must name you and an e-mail address, as SEC "
                        + "requires, but was '" + userAgent + "'");
            }
            HttpLimits.check("edgar", requestsPerSecond, maxAttempts, retryWait, timeout);
            if (requestsPerSecond > 10) {
                throw new IllegalArgumentException("edgar.requestsPerSecond must not exceed SEC's limit of 10 but was "
                        + requestsPerSecond);
            }
        }
    }

    public record Csv(Path inputsDir, Path barsDir) {
        public Csv {
            Objects.requireNonNull(inputsDir, "csv.inputsDir is required");
            Objects.requireNonNull(barsDir, "csv.barsDir is required");
        }
    }
}
