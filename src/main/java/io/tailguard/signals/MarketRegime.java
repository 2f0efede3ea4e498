package io.tailguard.signals;

/**
 * The snapshot's one-word regime, from the volatility layer: STRESS (VIX above the stress level or the term
 * structure inverted), RECOVERING (implied vol falling from a high), CALM (low implied vol in contango), otherwise
 * NORMAL.
 */
public enum MarketRegime {
    STRESS, RECOVERING, CALM, NORMAL;

    static MarketRegime of(VolatilityLayer.Result vol) {
        if (vol.stress() || vol.termStructure() == TermStructure.INVERTED) {
            return STRESS;
        }
        if (vol.regime() == VolatilityRegime.FALLING_FROM_HIGH) {
            return RECOVERING;
        }
        if (vol.regime() == VolatilityRegime.CHEAP && vol.termStructure() == TermStructure.CONTANGO) {
            return CALM;
        }
        return NORMAL;
    }
}
