package io.tailguard.sources.history;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a market-history file. Price files fill open, high, low, close, adjusted close and volume (a field the
 * source lacks is {@code NaN}); rate and balance files ({@code date,value}) carry their value as {@code close} and
 * leave the rest {@code NaN}.
 */
public record HistoryBar(LocalDate date, double open, double high, double low, double close, double adjClose,
        double volume) {

    public HistoryBar {
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(close)) {
            throw new IllegalArgumentException("close of " + date + " must be a finite number but was " + close);
        }
    }

    /** A {@code date,value} row. */
    public static HistoryBar value(LocalDate date, double value) {
        return new HistoryBar(date, Double.NaN, Double.NaN, Double.NaN, value, Double.NaN, Double.NaN);
    }
}
