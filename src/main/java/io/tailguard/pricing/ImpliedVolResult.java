package io.tailguard.pricing;

/**
 * The outcome of an implied volatility search: a volatility, or the reason there is none. A price
 * outside the no-arbitrage bounds is an expected market-data outcome, so it is a value, not an
 * exception.
 */
public sealed interface ImpliedVolResult {

    /** Whether a volatility was found. */
    boolean isSolved();

    /** The volatility; throws {@link IllegalStateException} when there is none. */
    double volatility();

    /**
     * A volatility reproducing the price.
     *
     * @param volatility annualised Black volatility
     * @param iterations solver iterations after the initial guess (for diagnostics and benchmarks)
     */
    record Solved(double volatility, int iterations) implements ImpliedVolResult {

        public Solved {
            if (!(volatility > 0) || !Double.isFinite(volatility)) {
                throw new IllegalArgumentException("volatility must be positive and finite: " + volatility);
            }
        }

        @Override
        public boolean isSolved() {
            return true;
        }
    }

    /** No volatility reproduces the price. */
    record NoSolution(Reason reason, String detail) implements ImpliedVolResult {

        public NoSolution {
            if (reason == null || detail == null) {
                throw new IllegalArgumentException("reason and detail must not be null");
            }
        }

        @Override
        public boolean isSolved() {
            return false;
        }

        @Override
        public double volatility() {
            throw new IllegalStateException("no implied volatility: " + reason + " (" + detail + ")");
        }
    }

    /** Why there is no implied volatility. */
    enum Reason {
        /** Price at or below the discounted intrinsic value (zero volatility or an arbitrage). */
        PRICE_AT_OR_BELOW_INTRINSIC,
        /** Price at or above the model's upper bound (discounted forward for a call, strike for a put). */
        PRICE_AT_OR_ABOVE_MAXIMUM,
        /** The option has expired: every volatility gives the same price. */
        EXPIRED,
        /** The price is NaN or infinite. */
        PRICE_NOT_FINITE
    }
}
