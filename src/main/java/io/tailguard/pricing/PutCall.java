package io.tailguard.pricing;

/** The right of a vanilla option. */
public enum PutCall {
    CALL(1),
    PUT(-1);

    private final int sign;

    PutCall(int sign) {
        this.sign = sign;
    }

    /** +1 for a call, -1 for a put: the payoff is {@code max(sign * (S - K), 0)}. */
    public int sign() {
        return sign;
    }

    /** The payoff at expiry per unit of underlying. */
    public double intrinsic(double underlying, double strike) {
        return Math.max(sign * (underlying - strike), 0.0);
    }
}
