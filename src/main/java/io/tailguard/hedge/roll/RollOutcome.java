package io.tailguard.hedge.roll;

/** What one scheduled fire did. */
public sealed interface RollOutcome {
    /** The roll ran; {@code summary} says what it proposed (or that there was nothing to propose). */
    record Rolled(String summary) implements RollOutcome {
    }

    record Skipped(String reason) implements RollOutcome {
    }
}
