package io.tailguard.orders;

import java.util.Objects;

/** The outcome of a gate before approval or transmission: a value, never an exception. */
public sealed interface GateDecision {

    GateDecision ALLOWED = new Allowed();

    static GateDecision denied(Gate gate, String reason) {
        return new Denied(gate, reason);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    record Allowed() implements GateDecision {
    }

    /** {@code gate} names the check that refused, {@code reason} says why in the trader's terms. */
    record Denied(Gate gate, String reason) implements GateDecision {
        public Denied {
            Objects.requireNonNull(gate, "gate");
            Objects.requireNonNull(reason, "reason");
        }

        public String describe() {
            return gate.label() + ": " + reason;
        }
    }
}
