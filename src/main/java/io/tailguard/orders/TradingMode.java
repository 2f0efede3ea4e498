package io.tailguard.orders;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Paper is the default; live needs this AND the TAILGUARD_LIVE_ACCOUNT environment variable. */
public enum TradingMode {
    @JsonProperty("paper") PAPER,
    @JsonProperty("live") LIVE
}
