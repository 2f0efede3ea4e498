package io.tailguard.domain;

/**
 * Model greeks of an option as computed by the broker (or the simulated gateway). Any field the
 * broker did not compute is {@link Double#NaN}.
 */
public record OptionGreeks(
        double impliedVol,
        double delta,
        double gamma,
        double vega,
        double theta,
        double optionPrice,
        double underlyingPrice) {

    public static final OptionGreeks NONE =
            new OptionGreeks(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public boolean hasImpliedVol() {
        return !Double.isNaN(impliedVol);
    }
}
