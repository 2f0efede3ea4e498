package io.tailguard.hedge;

/** The XSP implied-volatility regime of one roll. */
public enum IvRegime {
    /** Below the first threshold: puts only; hedging can raise the expected gain. */
    CHEAP,
    /**
     * Mid-teens, "modestly elevated": puts, paid for in part by covered UPRO calls on some of the shares
     * (a full week of puts alone costs about the whole loss tolerance here).
     */
    MODEST,
    /** High teens and above: puts financed by covered UPRO calls, which may cover every share. */
    RICH,
    /** Coming down from a high peak: options are dear and the market tends to rise, so hedge less. */
    FALLING_FROM_HIGH
}
