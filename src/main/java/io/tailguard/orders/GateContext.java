package io.tailguard.orders;

import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the gates look at for one leg, gathered by the caller so that the gates stay pure.
 * {@code premiumCommittedThisWeekUsd} is the premium of other proposals' buy legs this week, filled or
 * still pending; {@code quote} is null when no quote is available; {@code sharesPledgedToWorkingCalls}
 * is, per underlying, the shares that other proposals' short calls still working at the broker would need
 * if they filled (their filled part is in {@code positions} already).
 */
public record GateContext(
        String account,
        TradingState tradingState,
        Quote quote,
        Instant now,
        List<Position> positions,
        BigDecimal premiumCommittedThisWeekUsd,
        Map<String, BigDecimal> sharesPledgedToWorkingCalls) {

    public GateContext {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(tradingState, "tradingState");
        Objects.requireNonNull(now, "now");
        positions = List.copyOf(positions);
        Objects.requireNonNull(premiumCommittedThisWeekUsd, "premiumCommittedThisWeekUsd");
        sharesPledgedToWorkingCalls = Map.copyOf(sharesPledgedToWorkingCalls);
    }

    /** Without short calls working elsewhere. */
    public GateContext(String account, TradingState tradingState, Quote quote, Instant now, List<Position> positions,
            BigDecimal premiumCommittedThisWeekUsd) {
        this(account, tradingState, quote, now, positions, premiumCommittedThisWeekUsd, Map.of());
    }
}
