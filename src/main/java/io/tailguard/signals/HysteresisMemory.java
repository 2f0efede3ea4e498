package io.tailguard.signals;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the hold/out rule remembers between days: the state and how many consecutive calm days have been seen while
 * out. Stored with every snapshot; a run reads the memory of the latest snapshot dated before its own day, so several
 * runs on one day never count a calm day twice. When an input is unknown the memory is carried over unchanged.
 */
public record HysteresisMemory(HoldState state, int calmDays, LocalDate asOf) {

    public HysteresisMemory {
        Objects.requireNonNull(state, "state");
        if (calmDays < 0) {
            throw new IllegalArgumentException("calmDays must not be negative but was " + calmDays);
        }
        if (state == HoldState.HOLD && calmDays != 0) {
            throw new IllegalArgumentException("calmDays counts only while OUT but was " + calmDays + " while HOLD");
        }
    }

    /** Before the first snapshot: holding, as the trader does when the bot starts. {@code asOf} is null. */
    public static HysteresisMemory initial() {
        return new HysteresisMemory(HoldState.HOLD, 0, null);
    }

    public boolean isInitial() {
        return asOf == null;
    }
}
