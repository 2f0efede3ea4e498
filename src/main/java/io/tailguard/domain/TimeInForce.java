package io.tailguard.domain;

/** How long an order works at the broker. tailguard works its orders within a window, so DAY is the default. */
public enum TimeInForce {
    DAY,
    GTC,
    IOC
}
