package io.tailguard.sources;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Predicate;

/** Rate limiter and retry for one HTTP API, built from its configured limits. */
public record HttpLimits(RateLimiter rateLimiter, Retry retry) {

    static void check(String prefix, double requestsPerSecond, int maxAttempts, Duration retryWait, Duration timeout) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException(prefix + ".requestsPerSecond must be positive but was " + requestsPerSecond);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(prefix + ".maxAttempts must be at least 1 but was " + maxAttempts);
        }
        if (retryWait == null || retryWait.isNegative()) {
            throw new IllegalArgumentException(prefix + ".retryWait must be zero or positive");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(prefix + ".timeout must be positive");
        }
    }

    /**
     * {@code requestsPerSecond} permits refreshed every second (a fraction such as 0.5 becomes one permit every two
     * seconds); retries only for failures the predicate calls transient (429, 5xx, I/O), waiting {@code retryWait}.
     */
    public static HttpLimits of(String name, double requestsPerSecond, int maxAttempts, Duration retryWait,
            Predicate<Throwable> transientFailure) {
        int permits = (int) Math.max(1, Math.floor(requestsPerSecond));
        Duration period = Duration.ofMillis(Math.max(1, Math.round(1000.0 * permits / requestsPerSecond)));
        RateLimiter limiter = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ofMinutes(1))
                .build());
        Retry retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .waitDuration(retryWait)
                .retryOnException(transientFailure)
                .build());
        return new HttpLimits(limiter, retry);
    }
}
