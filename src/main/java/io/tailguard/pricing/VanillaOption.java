package io.tailguard.pricing;

/**
 * A vanilla option as the pricers see it: right, strike and time to expiry in years (ACT/365 or
 * trading-time, the caller's choice, as long as volatility uses the same clock). Exercise style is
 * the pricer's business, not the product's.
 */
public record VanillaOption(PutCall right, double strike, double expiryYears) {

    public VanillaOption {
        if (right == null) {
            throw new IllegalArgumentException("right must not be null");
        }
        if (!(strike > 0) || !Double.isFinite(strike)) {
            throw new IllegalArgumentException("strike must be positive and finite: " + strike);
        }
        if (!(expiryYears >= 0) || !Double.isFinite(expiryYears)) {
            throw new IllegalArgumentException("expiryYears must be non-negative and finite: " + expiryYears);
        }
    }

    public static VanillaOption call(double strike, double expiryYears) {
        return new VanillaOption(PutCall.CALL, strike, expiryYears);
    }

    public static VanillaOption put(double strike, double expiryYears) {
        return new VanillaOption(PutCall.PUT, strike, expiryYears);
    }

    public VanillaOption withStrike(double newStrike) {
        return new VanillaOption(right, newStrike, expiryYears);
    }

    public VanillaOption withExpiryYears(double newExpiryYears) {
        return new VanillaOption(right, strike, newExpiryYears);
    }

    public VanillaOption withRight(PutCall newRight) {
        return new VanillaOption(newRight, strike, expiryYears);
    }
}
