package io.tailguard.orders;

import io.tailguard.domain.TimeInForce;
import java.time.Duration;
import java.util.Objects;

/**
 * How an order is worked once transmitted: wait {@code repriceWait} between re-prices, at most
 * {@code repriceSteps} steps from the midpoint toward the worst price, cancel what is left after
 * {@code workingWindow}. {@code resendGrace}: how long a transmitted order may stay unknown to the
 * broker before reconciliation treats it as lost and sends it again.
 */
public record OrderWorkingConfig(Duration repriceWait, int repriceSteps, Duration workingWindow, TimeInForce timeInForce,
        Duration executionLookback, Duration resendGrace) {

    public OrderWorkingConfig {
        Objects.requireNonNull(repriceWait, "repriceWait");
        Objects.requireNonNull(workingWindow, "workingWindow");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(executionLookback, "executionLookback");
        Objects.requireNonNull(resendGrace, "resendGrace");
        if (repriceWait.isNegative() || repriceWait.isZero()) {
            throw new IllegalArgumentException("repriceWait: must be positive, was " + repriceWait);
        }
        if (repriceSteps < 0 || repriceSteps > 20) {
            throw new IllegalArgumentException("repriceSteps: must be 0..20, was " + repriceSteps);
        }
        if (workingWindow.compareTo(repriceWait) < 0) {
            throw new IllegalArgumentException("workingWindow: must be at least repriceWait, was " + workingWindow);
        }
    }

    public static OrderWorkingConfig defaults() {
        return new OrderWorkingConfig(Duration.ofSeconds(30), 4, Duration.ofMinutes(5), TimeInForce.DAY,
                Duration.ofDays(7), Duration.ofMinutes(2));
    }
}
