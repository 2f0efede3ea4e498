package io.tailguard.orders;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who approves proposals: the trader, or the daemon itself for risk-reducing hedges within limits. */
public enum ApprovalPolicy {
    @JsonProperty("manual") MANUAL,
    @JsonProperty("auto-within-limits") AUTO_WITHIN_LIMITS
}
