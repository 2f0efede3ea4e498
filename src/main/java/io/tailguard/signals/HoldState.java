package io.tailguard.signals;

/** The hold/out decision for the leveraged position. */
public enum HoldState {
    /** Keep the leveraged position (sized by the exposure multiplier). */
    HOLD,
    /** Step out of the leveraged position until enough calm days have passed. */
    OUT
}
