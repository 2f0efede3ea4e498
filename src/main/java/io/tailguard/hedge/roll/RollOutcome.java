package io.tailguard.hedge.roll;

/** What one scheduled fire did. */
public sealed interface RollOutcome {
    record Rolled(RollAnalysis analysis) implements RollOutcome {
    }

    record Skipped(String reason) implements RollOutcome {
    }
}
