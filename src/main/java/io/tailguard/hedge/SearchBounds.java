package io.tailguard.hedge;

/**
 * The search space of one roll after the regime is applied: put strikes as a fraction of XSP spot and
 * counts 1..{@code maxPutCount}; covered call strikes as a fraction of UPRO spot and up to
 * {@code maxCallContracts} (never more than the shares cover), in {@code callCountSteps} steps, tried on
 * the {@code callStagePuts} best put structures. Put structures costing more than {@code maxPremiumUsd} (at the
 * ask) are not searched.
 */
public record SearchBounds(
        double putMoneynessMin, double putMoneynessMax, int maxPutCount, double callMoneynessMin,
        double callMoneynessMax, int maxCallContracts, int callCountSteps, int callStagePuts, double maxPremiumUsd) {

    public SearchBounds {
        if (maxPutCount < 0 || maxCallContracts < 0 || callCountSteps < 1 || callStagePuts < 1) {
            throw new IllegalArgumentException("counts must be non-negative and steps positive");
        }
        if (!(maxPremiumUsd > 0)) {
            throw new IllegalArgumentException("maxPremiumUsd must be positive: " + maxPremiumUsd);
        }
    }

    /** No premium cap. */
    public SearchBounds(double putMoneynessMin, double putMoneynessMax, int maxPutCount, double callMoneynessMin,
            double callMoneynessMax, int maxCallContracts, int callCountSteps, int callStagePuts) {
        this(putMoneynessMin, putMoneynessMax, maxPutCount, callMoneynessMin, callMoneynessMax, maxCallContracts,
                callCountSteps, callStagePuts, Double.POSITIVE_INFINITY);
    }

    public SearchBounds withMaxPremiumUsd(double cap) {
        return new SearchBounds(putMoneynessMin, putMoneynessMax, maxPutCount, callMoneynessMin, callMoneynessMax,
                maxCallContracts, callCountSteps, callStagePuts, cap);
    }

    public boolean callsAllowed() {
        return maxCallContracts > 0;
    }

    public static SearchBounds putsOnly(double min, double max, int maxPutCount) {
        return new SearchBounds(min, max, maxPutCount, 1.0, 1.0, 0, 1, 1);
    }
}
