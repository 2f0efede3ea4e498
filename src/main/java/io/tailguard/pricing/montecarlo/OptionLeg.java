package io.tailguard.pricing.montecarlo;

import io.tailguard.pricing.PutCall;

/**
 * One option position of a hedge structure, held to expiry.
 *
 * @param underlying XSP or UPRO
 * @param right put or call
 * @param strike strike in the underlying's units (XSP points, UPRO dollars)
 * @param contracts positive for long, negative for short; multiplier 100
 * @param premiumPerShare the option's price per unit of underlying (paid when long, received when short)
 * @param commissionPerContract commission and fees per contract in USD, always paid
 */
public record OptionLeg(
        HedgeUnderlying underlying, PutCall right, double strike, int contracts, double premiumPerShare,
        double commissionPerContract) {

    public OptionLeg {
        if (underlying == null || right == null) {
            throw new IllegalArgumentException("underlying and right must not be null");
        }
        if (!(strike > 0) || !Double.isFinite(strike)) {
            throw new IllegalArgumentException("strike must be positive and finite: " + strike);
        }
        if (contracts == 0) {
            throw new IllegalArgumentException("contracts must not be zero");
        }
        if (!(premiumPerShare >= 0) || !Double.isFinite(premiumPerShare)) {
            throw new IllegalArgumentException("premiumPerShare must be non-negative and finite: " + premiumPerShare);
        }
        if (!(commissionPerContract >= 0) || !Double.isFinite(commissionPerContract)) {
            throw new IllegalArgumentException("commissionPerContract must be non-negative and finite: " + commissionPerContract);
        }
    }

    /** Long XSP puts: the weekly tail hedge. */
    public static OptionLeg longXspPut(double strike, int contracts, double premiumPerShare, double commissionPerContract) {
        return new OptionLeg(HedgeUnderlying.XSP, PutCall.PUT, strike, requirePositive(contracts), premiumPerShare,
                commissionPerContract);
    }

    /** Short covered UPRO calls that finance the puts; {@code contracts} is the positive count sold. */
    public static OptionLeg shortUproCall(double strike, int contracts, double premiumPerShare, double commissionPerContract) {
        return new OptionLeg(HedgeUnderlying.UPRO, PutCall.CALL, strike, -requirePositive(contracts), premiumPerShare,
                commissionPerContract);
    }

    private static int requirePositive(int contracts) {
        if (contracts <= 0) {
            throw new IllegalArgumentException("contracts must be positive: " + contracts);
        }
        return contracts;
    }

    public boolean isShort() {
        return contracts < 0;
    }

    /** Units of underlying controlled, signed: contracts times the multiplier. */
    public double signedUnits() {
        return (double) contracts * HedgeUnderlying.CONTRACT_MULTIPLIER;
    }

    /** Cash at trade date: premium received (short) or paid (long), less commissions. */
    public double openingCashFlow() {
        return -signedUnits() * premiumPerShare - Math.abs(contracts) * commissionPerContract;
    }

    /** Payoff at expiry for the given underlying level (XSP points or UPRO price). */
    public double payoffAt(double underlyingLevel) {
        return signedUnits() * right.intrinsic(underlyingLevel, strike);
    }
}
