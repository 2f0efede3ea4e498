package io.tailguard.broker.sim.market;

/**
 * Implied vol by tenor and strike. ATM vol is the square root of the expected average variance to
 * expiry under the model's mean-reverting variance (short tenors follow today's variance, long ones
 * the long-run level: inverted term structure after a shock, upward sloping in calm). Skew is a
 * quadratic in standardized moneyness x = ln(K/F) / (σ_atm √T): vol rises for low strikes and
 * flattens above x = 3, so lower strikes always have a higher (or equal) vol.
 */
final class VolSurface {

    static final double SKEW_SLOPE = 0.12;
    static final double SMILE_CURVATURE = 0.02;
    static final double X_MIN = -6.0;
    /** Where the quadratic bottoms out: vol is flat for higher strikes. */
    static final double X_MAX = SKEW_SLOPE / (2 * SMILE_CURVATURE);
    /** VIX is a 30-day variance swap: above ATM vol by the skew's share of variance. */
    static final double VIX_OVER_ATM = 1.08;
    private static final double MIN_ATM = 0.03;
    private static final double ONE_DAY = 1.0 / 365;

    private final double longRunVariance;
    private final double kappa;

    VolSurface(MarketModelConfig config) {
        this.longRunVariance = config.baseVol() * config.baseVol();
        this.kappa = config.varianceMeanReversionPerYear();
    }

    /** SPX ATM vol for a tenor of {@code years} given today's variance. */
    double atmVol(double variance, double years) {
        double t = Math.max(years, ONE_DAY / 24);
        double kt = kappa * t;
        double avg = longRunVariance + (variance - longRunVariance) * (1 - Math.exp(-kt)) / kt;
        return Math.max(MIN_ATM, Math.sqrt(avg));
    }

    /** Vol at strike {@code strike} for forward {@code forward}, given the tenor's ATM vol. */
    static double vol(double atmVol, double years, double forward, double strike) {
        double t = Math.max(years, ONE_DAY);
        double x = Math.log(strike / forward) / (atmVol * Math.sqrt(t));
        x = Math.max(X_MIN, Math.min(X_MAX, x));
        return atmVol * (1 - SKEW_SLOPE * x + SMILE_CURVATURE * x * x);
    }

    /** Standardized moneyness (for spreads that widen away from the money). */
    static double moneyness(double atmVol, double years, double forward, double strike) {
        return Math.log(strike / forward) / (atmVol * Math.sqrt(Math.max(years, ONE_DAY)));
    }
}
