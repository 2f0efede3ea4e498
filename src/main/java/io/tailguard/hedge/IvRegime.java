package io.tailguard.hedge;

/** The XSP implied-volatility regime of one roll. */
public enum IvRegime {
    /** Below the first threshold: puts only; hedging can raise the expected gain. */
    CHEAP,
    /** Mid-teens: puts only, a modest compromise. */
    MODEST,
    /** High teens and above: puts financed by covered UPRO calls. */
    RICH,
    /** Coming down from a high peak: options are dear and the market tends to rise, so hedge less. */
    FALLING_FROM_HIGH
}
