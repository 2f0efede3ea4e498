package io.tailguard.signals;

import java.util.Objects;

/** An input a run could not use (no value, a stale one, a failed fetch), and why. */
public record MissingInput(SeriesId series, String problem) {

    public MissingInput {
        Objects.requireNonNull(series, "series");
        if (problem == null || problem.isBlank()) {
            throw new IllegalArgumentException("problem must be non-blank");
        }
    }
}
