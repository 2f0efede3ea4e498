package io.tailguard.orders;

import io.tailguard.domain.TimeInForce;
import java.time.Duration;
import io.tailguard.config.Require;

/**
 * How the daemon works an order: wait {@code repriceWait} before each re-price step toward the natural
 * side ({@code repriceSteps} at most, never past the leg's worst price), cancel after
 * {@code workingWindow}; how often it polls for approved proposals. {@code marketHours}: {@code exchange}
 * (the default) holds an approved proposal until its legs' venues are in their regular session, by the
 * exchange calendar; {@code always} transmits at any hour, for a test gateway that trades around the clock.
 */
public record OrdersConfig(Duration repriceWait, Integer repriceSteps, Duration workingWindow, TimeInForce timeInForce,
        Duration executionLookback, Duration resendGrace, Duration pollInterval, Duration reconcileEvery,
        MarketHoursMode marketHours) {

    public OrdersConfig {
        OrderWorkingConfig d = OrderWorkingConfig.defaults();
        repriceWait = Require.positive(Require.orDefault(repriceWait, d.repriceWait()), "repriceWait");
        repriceSteps = Require.range(Require.orDefault(repriceSteps, d.repriceSteps()), 0, 20, "repriceSteps");
        workingWindow = Require.positive(Require.orDefault(workingWindow, d.workingWindow()), "workingWindow");
        if (workingWindow.compareTo(repriceWait) < 0) {
            throw new IllegalArgumentException("workingWindow: must be at least repriceWait (" + repriceWait
                    + "), was " + workingWindow);
        }
        timeInForce = Require.orDefault(timeInForce, d.timeInForce());
        executionLookback = Require.positive(Require.orDefault(executionLookback, d.executionLookback()),
                "executionLookback");
        resendGrace = Require.positive(Require.orDefault(resendGrace, d.resendGrace()), "resendGrace");
        pollInterval = Require.positive(Require.orDefault(pollInterval, Duration.ofSeconds(2)), "pollInterval");
        reconcileEvery = Require.positive(Require.orDefault(reconcileEvery, Duration.ofMinutes(5)), "reconcileEvery");
        marketHours = Require.orDefault(marketHours, MarketHoursMode.EXCHANGE);
    }

    public static OrdersConfig defaults() {
        return new OrdersConfig(null, null, null, null, null, null, null, null, null);
    }

    public MarketHours hours() {
        return MarketHours.of(marketHours.mode());
    }

    public OrderWorkingConfig working() {
        return new OrderWorkingConfig(repriceWait, repriceSteps, workingWindow, timeInForce, executionLookback,
                resendGrace);
    }
}
