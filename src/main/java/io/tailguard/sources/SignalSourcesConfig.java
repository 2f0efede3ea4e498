package io.tailguard.sources;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;

/**
 * Where the signal inputs come from ({@code config/signal-sources.yaml}); the FRED key may come from FRED_API_KEY.
 * {@code connectTimeout} bounds every connection to FRED and EDGAR: a source that does not accept one in time is
 * unreachable, reported once, and not asked again in that run. {@code sample} is what the embedded default
 * ({@code broker.mode: sim}) reads instead of the network.
 */
public record SignalSourcesConfig(Fred fred, Edgar edgar, Csv csv, Sample sample, int historyDays,
        LocalTime closeCutoff, Duration connectTimeout) {

    public SignalSourcesConfig {
        Objects.requireNonNull(fred, "fred is required");
        Objects.requireNonNull(edgar, "edgar is required");
        Objects.requireNonNull(csv, "csv is required");
        Objects.requireNonNull(sample, "sample is required");
        if (historyDays < 30) {
            throw new IllegalArgumentException("historyDays must be at least 30 but was " + historyDays);
        }
        Objects.requireNonNull(closeCutoff, "closeCutoff is required");
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
    }

    /** The same configuration with the FRED API key taken from {@code FRED_API_KEY} when it is set. */
    public SignalSourcesConfig withEnvironment(Map<String, String> environment) {
        String key = environment.get("FRED_API_KEY");
        if (key == null || key.isBlank()) {
            return this;
        }
        return new SignalSourcesConfig(fred.withApiKey(key), edgar, csv, sample, historyDays, closeCutoff,
                connectTimeout);
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

    /**
     * Data shipped with tailguard for the embedded default: {@code historyDir} holds real daily history
     * ({@code market-history/}, see its SOURCES.md), {@code inputsDir} example FedWatch, forward P/E and fundamentals
     * figures ({@code config/inputs-example/}). Everything read from them is labelled sample. {@code yieldSeries}
     * (with {@code yieldScale}) replaces the rate-sensitivity yield there: the simulated market's own 10-year yield
     * ({@code ibkr:TNX}, quoted as ten times the yield), so the regression pairs series of one market.
     */
    public record Sample(Path historyDir, Path inputsDir, String yieldSeries, double yieldScale) {
        public Sample {
            Objects.requireNonNull(historyDir, "sample.historyDir is required");
            Objects.requireNonNull(inputsDir, "sample.inputsDir is required");
            try {
                io.tailguard.signals.SeriesId.parse(yieldSeries);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sample.yieldSeries: " + e.getMessage(), e);
            }
            if (!(yieldScale > 0)) {
                throw new IllegalArgumentException("sample.yieldScale must be positive but was " + yieldScale);
            }
        }
    }
}
