package io.tailguard.pricing;

/**
 * Market data for pricing one option: spot, continuously compounded risk-free rate, continuous
 * dividend yield (for an index, its dividend yield; for a leveraged ETF, whatever carry the caller
 * decides) and volatility, all annualised.
 */
public record OptionMarket(double spot, double rate, double dividendYield, double volatility) {

    public OptionMarket {
        if (!(spot > 0) || !Double.isFinite(spot)) {
            throw new IllegalArgumentException("spot must be positive and finite: " + spot);
        }
        if (!Double.isFinite(rate)) {
            throw new IllegalArgumentException("rate must be finite: " + rate);
        }
        if (!Double.isFinite(dividendYield)) {
            throw new IllegalArgumentException("dividendYield must be finite: " + dividendYield);
        }
        if (!(volatility >= 0) || !Double.isFinite(volatility)) {
            throw new IllegalArgumentException("volatility must be non-negative and finite: " + volatility);
        }
    }

    public OptionMarket withSpot(double newSpot) {
        return new OptionMarket(newSpot, rate, dividendYield, volatility);
    }

    public OptionMarket withRate(double newRate) {
        return new OptionMarket(spot, newRate, dividendYield, volatility);
    }

    public OptionMarket withDividendYield(double newDividendYield) {
        return new OptionMarket(spot, rate, newDividendYield, volatility);
    }

    public OptionMarket withVolatility(double newVolatility) {
        return new OptionMarket(spot, rate, dividendYield, newVolatility);
    }

    /** The forward price of the underlying at the given time. */
    public double forward(double expiryYears) {
        return spot * Math.exp((rate - dividendYield) * expiryYears);
    }
}
