package io.tailguard.orders;

import java.util.Objects;

/** One named check of one leg and its result, as the console lists them. */
public record GateCheck(String legId, Gate gate, GateDecision decision) {
    public GateCheck {
        Objects.requireNonNull(legId, "legId");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(decision, "decision");
    }

    public boolean denied() {
        return !decision.isAllowed();
    }

    /** {@code ok} or {@code DENIED <reason>}. */
    public String result() {
        return decision instanceof GateDecision.Denied d ? "DENIED " + d.reason() : "ok";
    }
}
