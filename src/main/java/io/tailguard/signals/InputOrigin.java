package io.tailguard.signals;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where one input series of a run came from, so that a snapshot never passes simulated or sample data off as live.
 * <ul>
 *   <li>{@link Provenance#LIVE}: the configured real source (FRED, SEC EDGAR, the broker's daily bars, the
 *       trader's own CSV files).</li>
 *   <li>{@link Provenance#SIMULATED}: the simulated gateway's market, on the embedded default.</li>
 *   <li>{@link Provenance#SAMPLE}: data shipped with tailguard (the real history in {@code market-history/}, the
 *       example inputs in {@code config/inputs-example/}); {@code sampleEnd} is the last date the sample describes,
 *       so a reader sees how old it is.</li>
 *   <li>{@link Provenance#UNRECORDED}: a snapshot stored before tailguard recorded origins; it may have used
 *       anything, and is never shown as live.</li>
 * </ul>
 */
public record InputOrigin(Provenance provenance, String source, LocalDate sampleEnd) {

    public enum Provenance {
        LIVE,
        SIMULATED,
        SAMPLE,
        UNRECORDED
    }

    /** For inputs whose caller did not say where they came from: the configured source. */
    public static final InputOrigin CONFIGURED = live("configured source");

    public InputOrigin {
        Objects.requireNonNull(provenance, "provenance");
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must be non-blank");
        }
        if ((provenance == Provenance.SAMPLE) != (sampleEnd != null)) {
            throw new IllegalArgumentException("a sample, and only a sample, has an end date: " + provenance + " "
                    + sampleEnd);
        }
    }

    public static InputOrigin live(String source) {
        return new InputOrigin(Provenance.LIVE, source, null);
    }

    public static InputOrigin simulated(String source) {
        return new InputOrigin(Provenance.SIMULATED, source, null);
    }

    public static InputOrigin sample(String source, LocalDate sampleEnd) {
        return new InputOrigin(Provenance.SAMPLE, source, Objects.requireNonNull(sampleEnd, "sampleEnd"));
    }

    public boolean isLive() {
        return provenance == Provenance.LIVE;
    }

    /** {@code SAMPLE market-history/dgs10.csv, sample as of 2026-08-20}, {@code SIMULATED simulated gateway}. */
    @Override
    public String toString() {
        return provenance + " " + source + (sampleEnd == null ? "" : ", sample as of " + sampleEnd);
    }
}
