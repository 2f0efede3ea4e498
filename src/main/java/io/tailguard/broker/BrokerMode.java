package io.tailguard.broker;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the broker connection goes: the embedded simulated gateway, or a real TWS / IB Gateway. */
public enum BrokerMode {
    @JsonProperty("sim") SIM,
    @JsonProperty("tws") TWS
}
