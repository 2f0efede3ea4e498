package io.tailguard.sources;

import java.time.LocalDate;
import java.util.Objects;

/** One daily bar's close, the only field the signal layers use. */
public record DailyClose(String symbol, LocalDate date, double close) {
    public DailyClose {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must be non-blank");
        }
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(close) || close <= 0) {
            throw new IllegalArgumentException("close of " + symbol + " on " + date + " must be positive but was " + close);
        }
    }
}
