package io.tailguard.signals;

import java.util.Objects;

/**
 * One input series: the source kind and the name within it ({@code ibkr:VIX}, {@code fred:SOFR},
 * {@code edgar:MSFT.revenue}, {@code csv:fedwatch.delayed_cut}).
 */
public record SeriesId(SourceKind kind, String name) implements Comparable<SeriesId> {

    public SeriesId {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank() || name.contains(":")) {
            throw new IllegalArgumentException("name must be non-blank and free of ':' but was '" + name + "'");
        }
    }

    public static SeriesId of(SourceKind kind, String name) {
        return new SeriesId(kind, name);
    }

    /** Parses the {@link #toString()} form, e.g. {@code fred:DGS10}. */
    public static SeriesId parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("series id must look like 'fred:DGS10' but was '" + text + "'");
        }
        return new SeriesId(SourceKind.fromPrefix(text.substring(0, colon)), text.substring(colon + 1));
    }

    @Override
    public int compareTo(SeriesId other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return kind.prefix() + ":" + name;
    }
}
