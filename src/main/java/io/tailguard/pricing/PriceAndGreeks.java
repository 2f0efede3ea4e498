package io.tailguard.pricing;

/**
 * Price and first-order sensitivities of one option (per unit of underlying, not per contract).
 *
 * @param price present value
 * @param delta dV/dS
 * @param gamma d2V/dS2
 * @param vega dV/dsigma per unit of volatility (1.00 = 100 vol points)
 * @param theta dV/dt per year of calendar time passing (negative for a long vanilla, as a rule)
 * @param rho dV/dr per unit of rate
 */
public record PriceAndGreeks(double price, double delta, double gamma, double vega, double theta, double rho) {

    public PriceAndGreeks {
        if (Double.isNaN(price) || Double.isNaN(delta) || Double.isNaN(gamma) || Double.isNaN(vega)
                || Double.isNaN(theta) || Double.isNaN(rho)) {
            throw new IllegalArgumentException("greeks must not be NaN");
        }
    }

    /** Theta per calendar day (ACT/365). */
    public double thetaPerDay() {
        return theta / 365.0;
    }

    /** The greeks of {@code quantity} units of this option. */
    public PriceAndGreeks multipliedBy(double quantity) {
        return new PriceAndGreeks(price * quantity, delta * quantity, gamma * quantity, vega * quantity,
                theta * quantity, rho * quantity);
    }
}
