package io.tailguard.pricing.history;

/**
 * One modelled option quote at a close: the bid and ask a trader would have seen (on the option's tick grid), the model
 * value between them, the implied volatility the value was priced at, and the delta.
 */
public record ModelledQuote(double bid, double ask, double model, double impliedVol, double delta) {

    public ModelledQuote {
        if (!(bid >= 0) || !(ask >= bid) || !(model >= 0)) {
            throw new IllegalArgumentException("a quote needs 0 <= bid <= ask and a model value >= 0: bid " + bid
                    + ", ask " + ask + ", model " + model);
        }
        if (!(impliedVol > 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("implied vol must be positive and delta finite: " + impliedVol + ", "
                    + delta);
        }
    }
}
