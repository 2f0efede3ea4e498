package io.tailguard.calendar;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/** One regular trading session of a venue, in America/New_York. */
public record Session(ZonedDateTime open, ZonedDateTime close, boolean earlyClose) {
    public Session {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        if (!close.isAfter(open)) {
            throw new IllegalArgumentException("session close " + close + " is not after open " + open);
        }
    }

    /** True from the open (inclusive) to the close (exclusive). */
    public boolean contains(Instant t) {
        return !t.isBefore(open.toInstant()) && t.isBefore(close.toInstant());
    }
}
