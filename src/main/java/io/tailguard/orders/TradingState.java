package io.tailguard.orders;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The persisted kill switch. ACTIVE trades normally; REDUCING accepts only orders that reduce risk;
 * HALTED transmits nothing. Every change is stored with who, when and why.
 */
public enum TradingState {
    ACTIVE,
    REDUCING,
    HALTED;

    private static final Map<TradingState, Set<TradingState>> LEGAL = Map.of(
            ACTIVE, EnumSet.of(REDUCING, HALTED),
            REDUCING, EnumSet.of(ACTIVE, HALTED),
            HALTED, EnumSet.of(ACTIVE, REDUCING));

    public boolean canMoveTo(TradingState next) {
        return LEGAL.get(this).contains(next);
    }
}
