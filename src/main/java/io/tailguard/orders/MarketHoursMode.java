package io.tailguard.orders;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code orders.marketHours}: {@code exchange} holds an approved order until its legs' regular session (the
 * exchange calendar); {@code always} transmits at any hour, for a test gateway that trades around the clock.
 */
public enum MarketHoursMode {
    @JsonProperty("exchange") EXCHANGE(MarketHours.Mode.EXCHANGE),
    @JsonProperty("always") ALWAYS(MarketHours.Mode.ALWAYS);

    private final MarketHours.Mode mode;

    MarketHoursMode(MarketHours.Mode mode) {
        this.mode = mode;
    }

    public MarketHours.Mode mode() {
        return mode;
    }
}
