package io.tailguard.sources;

import java.time.LocalDate;
import java.util.List;

/**
 * Daily closes by symbol. The production implementation goes through the broker port ({@code io.tailguard.broker
 * .Broker}: historical daily bars, TRADES for SPX/holdings, the index value for VIX/VIX9D/VIX3M, and
 * OPTION_IMPLIED_VOLATILITY of XSP for the symbol {@code XSP_IV}); {@link io.tailguard.sources.csv.CsvDailyBarSource}
 * reads files. Implementations throw {@link SourceException} when the source fails.
 */
public interface DailyBarSource {
    /** Bars dated from {@code from} to {@code to} inclusive, oldest first; completed sessions only. */
    List<DailyClose> dailyBars(String symbol, LocalDate from, LocalDate to);

    /** Where the bars come from, as a snapshot names it (e.g. {@code broker daily bars}). */
    default String description() {
        return getClass().getSimpleName();
    }
}
