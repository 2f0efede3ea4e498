package io.tailguard.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Closures and early closes the rules cannot know: a national day of mourning (NYSE closed on
 * 2025-01-09 for President Carter), an exchange outage, a special 13:00 close.
 */
public record ExchangeCalendarConfig(List<LocalDate> extraClosures, List<LocalDate> extraEarlyCloses) {
    public ExchangeCalendarConfig {
        extraClosures = List.copyOf(Objects.requireNonNullElse(extraClosures, List.of()));
        extraEarlyCloses = List.copyOf(Objects.requireNonNullElse(extraEarlyCloses, List.of()));
        for (LocalDate d : extraEarlyCloses) {
            if (extraClosures.contains(d)) {
                throw new IllegalArgumentException("extraEarlyCloses: " + d + " is also listed in extraClosures");
            }
        }
    }

    public static ExchangeCalendarConfig none() {
        return new ExchangeCalendarConfig(List.of(), List.of());
    }
}
