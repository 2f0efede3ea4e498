package io.tailguard.signals;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One input of a snapshot: the newest observation used of a series (value, observed and available dates) and how
 * far back the layers looked ({@code pointsUsed} observations starting {@code firstObservedOn}), and where it came
 * from ({@link InputOrigin}: live, simulated or sample).
 */
public record SnapshotInput(SeriesId series, LocalDate observedOn, LocalDate availableOn, double value,
        int pointsUsed, LocalDate firstObservedOn, InputOrigin origin) {

    public SnapshotInput {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(observedOn, "observedOn");
        Objects.requireNonNull(availableOn, "availableOn");
        Objects.requireNonNull(firstObservedOn, "firstObservedOn");
        Objects.requireNonNull(origin, "origin");
        if (pointsUsed < 1) {
            throw new IllegalArgumentException("pointsUsed must be at least 1 but was " + pointsUsed);
        }
        if (firstObservedOn.isAfter(observedOn)) {
            throw new IllegalArgumentException("firstObservedOn " + firstObservedOn + " is after observedOn " + observedOn);
        }
    }

    static SnapshotInput of(List<Observation> window, InputOrigin origin) {
        Observation newest = window.get(window.size() - 1);
        return new SnapshotInput(newest.series(), newest.observedOn(), newest.availableOn(), newest.value(),
                window.size(), window.get(0).observedOn(), origin);
    }

    static SnapshotInput widest(SnapshotInput a, SnapshotInput b) {
        return a.pointsUsed >= b.pointsUsed ? a : b;
    }
}
