package io.tailguard.orders;

import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the daemon's gates look at for one proposal, gathered once for all its legs. */
record GateInputs(String account, TradingState state, List<Position> positions, BigDecimal committed,
        Map<String, BigDecimal> pledged) {

    GateContext context(Quote quote, Instant now) {
        return new GateContext(account, state, quote, now, positions, committed, pledged);
    }
}
