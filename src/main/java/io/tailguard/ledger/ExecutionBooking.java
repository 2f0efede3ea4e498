package io.tailguard.ledger;

/** What the ledger did with a finished proposal's fills ({@link ExecutedProposals#book}). */
public sealed interface ExecutionBooking {
    /** One line for the log. */
    String describe();

    /** The proposal opened a new cycle; its fills were booked into it. */
    record CycleOpened(HedgeCycle cycle, int entriesBooked) implements ExecutionBooking {
        @Override
        public String describe() {
            return "opened cycle " + cycle.id() + " (" + cycle.sharesStart().stripTrailingZeros().toPlainString() + " "
                    + cycle.underlying() + " at " + cycle.priceStart().stripTrailingZeros().toPlainString() + " from "
                    + cycle.openedAt() + "), " + entriesBooked + " entries booked";
        }
    }

    /** The proposal joined the existing cycle of its week (a second hedge proposal for the same expiry). */
    record AddedToCycle(String cycleId, int entriesBooked) implements ExecutionBooking {
        @Override
        public String describe() {
            return "added to cycle " + cycleId + ", " + entriesBooked + " entries booked";
        }
    }

    /** The proposal was booked before (handed over again): only what was new in its fills was booked. */
    record AlreadyBooked(String cycleId, int entriesBooked) implements ExecutionBooking {
        @Override
        public String describe() {
            return "already in cycle " + cycleId + ", " + entriesBooked + " entries booked";
        }
    }

    /** Nothing of the proposal belongs in the ledger (no route for its strategy, no hedge option filled). */
    record NotBooked(String reason) implements ExecutionBooking {
        @Override
        public String describe() {
            return "not booked: " + reason;
        }
    }

    /** Not possible now (no price to open the cycle at): hand it over again later. */
    record Deferred(String reason) implements ExecutionBooking {
        @Override
        public String describe() {
            return "deferred: " + reason;
        }
    }
}
