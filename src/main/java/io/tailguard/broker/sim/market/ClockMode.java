package io.tailguard.broker.sim.market;

/** How the simulated clock runs. */
public enum ClockMode {
    /** Wall-clock time. */
    REAL,
    /** Starts at a configured instant and runs {@code accelerationFactor} times faster than the wall clock. */
    ACCELERATED,
    /** Stands still until a test advances it. */
    MANUAL
}
