package io.tailguard.orders;

import java.util.Arrays;
import java.util.Optional;

/**
 * The checks a leg passes before it is approved or transmitted, by name: what {@code proposal ID} and
 * {@code approve} print beside each result, and what a refusal is stored under.
 */
public enum Gate {
    /** Paper accounts always; a live account only when live trading is switched on twice. */
    PAPER_TRADING("paper-trading"),
    /** The persisted kill switch: HALTED sends nothing, REDUCING only risk-reducing legs. */
    TRADING_STATE("trading-state"),
    /** The leg's venue in its regular session (Cboe index options 09:30-16:15 New York). */
    MARKET_HOURS("market-hours"),
    /** A two-sided, uncrossed, fresh quote. */
    QUOTE("quote"),
    /** The limit within the worst price, the market mid within the proposal's bounds. */
    PRICE_BOUNDS("price-bounds"),
    /** trading.limits.maxContractsPerOrder. */
    MAX_CONTRACTS("max-contracts"),
    /** trading.limits.maxNotionalUsd: strike x multiplier x contracts for an option. */
    MAX_NOTIONAL("max-notional"),
    /** trading.limits.maxPremiumPerWeekUsd: this proposal at its worst prices plus what this week committed. */
    WEEKLY_PREMIUM("weekly-premium"),
    /** A short call only against shares held and not already covering other calls. */
    COVERED_CALL("covered-call"),
    /** trading.dryRun: record what would be sent, send nothing. */
    DRY_RUN("dry-run");

    private final String label;

    Gate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The gate of a label, as stored in a refusal's text; empty for any other text. */
    public static Optional<Gate> labelled(String label) {
        return Arrays.stream(values()).filter(g -> g.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
