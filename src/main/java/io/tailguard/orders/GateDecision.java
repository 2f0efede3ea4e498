package io.tailguard.orders;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The outcome of a gate before approval or transmission: a value, never an exception. */
public sealed interface GateDecision {

    GateDecision ALLOWED = new Allowed();

    /** Between two refusals of one line; no reason contains it. */
    String SEPARATOR = "; ";

    static GateDecision denied(Gate gate, String reason) {
        return new Denied(gate, reason);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    /**
     * Refusals in one line, as the console shows them and a refusal event stores them:
     * {@code max-contracts: 60 contracts exceed maxContractsPerOrder 50; weekly-premium: ...}.
     */
    static String describe(Collection<Denied> denials) {
        return denials.stream().map(Denied::describe).collect(Collectors.joining(SEPARATOR));
    }

    /**
     * The refusals a line of {@link #describe(Collection)} lists, in its order: a stored refusal read back. A
     * part that does not start with a gate's label belongs to the reason before it.
     */
    static List<Denied> parse(String line) {
        List<Denied> denials = new ArrayList<>();
        if (line == null) {
            return denials;
        }
        for (String part : line.split(SEPARATOR)) {
            int colon = part.indexOf(": ");
            Optional<Gate> gate = colon > 0 ? Gate.labelled(part.substring(0, colon)) : Optional.empty();
            if (gate.isPresent()) {
                denials.add(new Denied(gate.get(), part.substring(colon + 2)));
            } else if (!denials.isEmpty()) {
                Denied last = denials.remove(denials.size() - 1);
                denials.add(new Denied(last.gate(), last.reason() + SEPARATOR + part));
            }
        }
        return denials;
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
