package io.tailguard.hedge;

/**
 * The search space of one roll after the regime is applied: put strikes as a fraction of XSP spot and
 * counts 1..{@code maxPutCount}; covered call strikes as a fraction of UPRO spot and up to
 * {@code maxCallContracts} (never more than the shares cover), in {@code callCountSteps} steps, tried on
 * the {@code callStagePuts} best put structures.
 */
public record SearchBounds(
        double putMoneynessMin, double putMoneynessMax, int maxPutCount, double callMoneynessMin,
        double callMoneynessMax, int maxCallContracts, int callCountSteps, int callStagePuts) {

    public SearchBounds {
        if (maxPutCount < 0 || maxCallContracts < 0 || callCountSteps < 1 || callStagePuts < 1) {
            throw new IllegalArgumentException("counts must be non-negative and steps positive");
        }
    }

    public boolean callsAllowed() {
        return maxCallContracts > 0;
    }

    public static SearchBounds putsOnly(double min, double max, int maxPutCount) {
        return new SearchBounds(min, max, maxPutCount, 1.0, 1.0, 0, 1, 1);
    }
}
