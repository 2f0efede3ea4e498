package io.tailguard.signals;

/**
 * How much protection the market calls for, from the hold/out decision and the snapshot's {@link MarketRegime}.
 * It says nothing about how the hedge is paid for: that is the {@link VolatilityRegime}'s part (which regime may sell
 * covered calls, on how many shares, is the strategy's). The weekly roll applies it when its strategy says so
 * ({@code signals.hedgeIntensity: apply}):
 * <pre>
 * OUT                    -> NONE      nothing leveraged left to protect (the roll divests)
 * HOLD, STRESS           -> FULL      the full hedge: no regime may make it lighter
 * HOLD, RECOVERING       -> REDUCED   IV falling from a high peak: the falling regime's lighter hedge
 * HOLD, CALM or NORMAL   -> STANDARD  the hedge the volatility regime allows
 * </pre>
 */
public enum HedgeIntensity {
    NONE, FULL, REDUCED, STANDARD;

    static HedgeIntensity of(HoldState state, MarketRegime regime) {
        if (state == HoldState.OUT) {
            return NONE;
        }
        return switch (regime) {
            case STRESS -> FULL;
            case RECOVERING -> REDUCED;
            case CALM, NORMAL -> STANDARD;
        };
    }

    /**
     * A stored name. Snapshots stored before the intensity was separated from the volatility regime named the
     * structure: MAX_PUTS was the stress case, LIGHT_PUTS_WITH_CALLS the fall from a high, the other three the
     * regime's own hedge.
     */
    public static HedgeIntensity parse(String name) {
        return switch (name) {
            case "MAX_PUTS" -> FULL;
            case "LIGHT_PUTS_WITH_CALLS" -> REDUCED;
            case "FULL_PUTS", "STANDARD_PUTS", "CALL_FINANCED_PUTS" -> STANDARD;
            default -> valueOf(name);
        };
    }
}
