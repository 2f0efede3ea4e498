package io.tailguard.signals;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stored, printable form of a known layer result: a short state word ({@code ACTIVE}, {@code INVERTED}, ...),
 * the named figures behind it and free-text notes (which names were flagged, which firms could not be screened).
 */
public record LayerDetail(String state, SortedMap<String, Double> values, List<String> notes) {

    public LayerDetail {
        if (state == null || state.isBlank()) {
            throw new IllegalArgumentException("state must be non-blank");
        }
        Objects.requireNonNull(values, "values");
        values.forEach((name, value) -> {
            if (name == null || name.isBlank() || value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("layer value '" + name + "' must be named and finite but was " + value);
            }
        });
        values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
        notes = List.copyOf(notes);
    }

    public static LayerDetail of(String state, Map<String, Double> values, List<String> notes) {
        return new LayerDetail(state, new TreeMap<>(values), notes);
    }
}
