package io.tailguard.ledger;

import java.util.List;
import java.util.Objects;

/**
 * What the broker's evidence says about one option a cycle still holds after its expiry: how it ended
 * (one or more reports, e.g. part assigned and the rest expired), not yet known, or contradictory.
 */
public sealed interface ExpiryFinding {

    /** The broker shows how the option ended; the reports are booked in this order. */
    record Reported(List<ExpiryReport> reports) implements ExpiryFinding {
        public Reported {
            reports = List.copyOf(reports);
            if (reports.isEmpty()) {
                throw new IllegalArgumentException("a finding needs at least one report");
            }
        }
    }

    /** Nothing to book yet (the position is still held, the settlement print is not out); why. */
    record Pending(String reason) implements ExpiryFinding {
        public Pending {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The evidence does not add up (e.g. shares moved by an amount no assignment explains): nothing is booked. */
    record Inconsistent(String problem) implements ExpiryFinding {
        public Inconsistent {
            Objects.requireNonNull(problem, "problem");
        }
    }

    static ExpiryFinding of(ExpiryReport... reports) {
        return new Reported(List.of(reports));
    }
}
