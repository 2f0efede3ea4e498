package io.tailguard.broker.sim.market;

import io.tailguard.domain.MarketRule;
import io.tailguard.domain.PriceIncrement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The price-increment rules the simulated instruments list in their contract details. The ids are
 * the sim's own (loosely after IB's); clients must read them from contract details, never assume them.
 */
public final class MarketRules {

    /** A penny at every level: stocks, indices, SPY options (penny class). */
    public static final int PENNY = 26;
    /** 0.01 below $3, 0.05 at or above: XSP and UPRO options. */
    public static final int PENNY_NICKEL = 32;
    /** 0.05 below $3, 0.10 at or above: SPX and SPXW options. */
    public static final int NICKEL_DIME = 110;

    private static final Map<Integer, MarketRule> RULES = Map.of(
            PENNY, new MarketRule(PENNY, List.of(new PriceIncrement(0, 0.01))),
            PENNY_NICKEL, new MarketRule(PENNY_NICKEL, List.of(new PriceIncrement(0, 0.01), new PriceIncrement(3, 0.05))),
            NICKEL_DIME, new MarketRule(NICKEL_DIME, List.of(new PriceIncrement(0, 0.05), new PriceIncrement(3, 0.10))));

    private MarketRules() {
    }

    public static Optional<MarketRule> byId(int id) {
        return Optional.ofNullable(RULES.get(id));
    }

    static MarketRule require(int id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("no market rule " + id));
    }
}
