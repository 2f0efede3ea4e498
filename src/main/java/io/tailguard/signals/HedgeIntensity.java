package io.tailguard.signals;

/**
 * A hint for the weekly hedge, from the hold/out state, the regime and the XSP implied-volatility regime:
 * <pre>
 * OUT                         -> NONE                   nothing leveraged left to protect
 * HOLD, STRESS regime         -> MAX_PUTS               buy the full put hedge whatever it costs; no short calls
 * HOLD, LOW IV                -> FULL_PUTS              protection is cheap: buy all of it
 * HOLD, MID IV                -> STANDARD_PUTS          the default weekly put
 * HOLD, HIGH IV               -> CALL_FINANCED_PUTS     sell covered UPRO calls to pay for the puts
 * HOLD, FALLING_FROM_HIGH IV  -> LIGHT_PUTS_WITH_CALLS  calls still rich, crash risk receding
 * </pre>
 */
public enum HedgeIntensity {
    NONE, MAX_PUTS, FULL_PUTS, STANDARD_PUTS, CALL_FINANCED_PUTS, LIGHT_PUTS_WITH_CALLS;

    static HedgeIntensity of(HoldState state, MarketRegime regime, VolatilityRegime iv) {
        if (state == HoldState.OUT) {
            return NONE;
        }
        if (regime == MarketRegime.STRESS) {
            return MAX_PUTS;
        }
        return switch (iv) {
            case LOW -> FULL_PUTS;
            case MID -> STANDARD_PUTS;
            case HIGH -> CALL_FINANCED_PUTS;
            case FALLING_FROM_HIGH -> LIGHT_PUTS_WITH_CALLS;
        };
    }
}
