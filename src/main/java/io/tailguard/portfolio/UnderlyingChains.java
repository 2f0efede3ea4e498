package io.tailguard.portfolio;

import io.tailguard.domain.OptionChain;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One security of the universe as the portfolio builder sees it: its price, the option chains pulled for it (the
 * expiries near the horizon, only the strikes the search can use) and when they were pulled.
 */
public record UnderlyingChains(String symbol, double spot, Instant asOf, List<OptionChain> chains) {

    public UnderlyingChains {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(asOf, "asOf");
        if (!(spot > 0)) {
            throw new IllegalArgumentException("the spot of " + symbol + " must be positive: " + spot);
        }
        chains = List.copyOf(chains);
    }
}
