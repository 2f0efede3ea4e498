package io.tailguard.orders;

import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the gates look at for one leg, gathered by the caller so that the gates stay pure.
 * {@code premiumCommittedThisWeekUsd} is the premium of other proposals' buy legs this week, filled or
 * still pending; {@code quote} is null when no quote is available.
 */
public record GateContext(
        String account,
        TradingState tradingState,
        Quote quote,
        Instant now,
        List<Position> positions,
        BigDecimal premiumCommittedThisWeekUsd) {

    public GateContext {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(tradingState, "tradingState");
        Objects.requireNonNull(now, "now");
        positions = List.copyOf(positions);
        Objects.requireNonNull(premiumCommittedThisWeekUsd, "premiumCommittedThisWeekUsd");
    }
}
