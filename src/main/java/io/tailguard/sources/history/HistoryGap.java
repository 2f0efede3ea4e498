package io.tailguard.sources.history;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Two consecutive rows further apart than the loader's limit: {@code after} is the last row before the gap,
 * {@code before} the first one after it. A gap is a fact about the file (the 1933 bank holiday, the week after
 * 2001-09-11, the sparse early ON RRP), reported so a reader can see it, never filled.
 */
public record HistoryGap(LocalDate after, LocalDate before) {

    public HistoryGap {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(before, "before");
        if (!before.isAfter(after)) {
            throw new IllegalArgumentException("gap end " + before + " must be after its start " + after);
        }
    }

    public long calendarDays() {
        return ChronoUnit.DAYS.between(after, before);
    }

    @Override
    public String toString() {
        return after + " -> " + before + " (" + calendarDays() + " days)";
    }
}
