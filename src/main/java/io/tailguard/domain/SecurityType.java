package io.tailguard.domain;

/** The kinds of instrument tailguard trades or watches. Broker strings are mapped at the adapter edge. */
public enum SecurityType {
    STOCK,
    OPTION,
    INDEX,
    FUTURE,
    /** A combination of option legs traded as one order (IB's BAG). */
    COMBO
}
