package io.tailguard.orders;

import java.util.Objects;

/** The outcome of a gate before transmission: a value, never an exception. */
public sealed interface GateDecision {

    GateDecision ALLOWED = new Allowed();

    static GateDecision denied(String gate, String reason) {
        return new Denied(gate, reason);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    record Allowed() implements GateDecision {
    }

    /** {@code gate} names the check (paper-trading, dry-run, trading-state, risk-limit, quote, price-bounds). */
    record Denied(String gate, String reason) implements GateDecision {
        public Denied {
            Objects.requireNonNull(gate, "gate");
            Objects.requireNonNull(reason, "reason");
        }

        public String describe() {
            return gate + ": " + reason;
        }
    }
}
