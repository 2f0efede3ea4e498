package io.tailguard.domain;

import java.time.LocalDate;
import java.util.Objects;

/** One daily OHLC bar. Volume is NaN where the instrument has none (indices). */
public record DailyBar(LocalDate date, double open, double high, double low, double close, double volume) {
    public DailyBar {
        Objects.requireNonNull(date, "date");
        if (high < low) {
            throw new IllegalArgumentException("bar " + date + ": high " + high + " < low " + low);
        }
    }
}
