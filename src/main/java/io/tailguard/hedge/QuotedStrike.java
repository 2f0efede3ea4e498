package io.tailguard.hedge;

/** One option of the chain as the optimizer sees it: strike and the two sides of the quote. */
public record QuotedStrike(double strike, double bid, double ask) {
    public QuotedStrike {
        if (!(strike > 0) || !Double.isFinite(strike)) {
            throw new IllegalArgumentException("strike must be positive: " + strike);
        }
        if (!(bid >= 0) || !(ask >= bid) || !Double.isFinite(ask)) {
            throw new IllegalArgumentException("need 0 <= bid <= ask, were " + bid + ", " + ask + " at " + strike);
        }
    }

    public double mid() {
        return (bid + ask) / 2;
    }
}
