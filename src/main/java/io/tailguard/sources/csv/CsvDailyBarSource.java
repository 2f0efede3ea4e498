package io.tailguard.sources.csv;

import io.tailguard.sources.DailyClose;
import io.tailguard.sources.DailyBarSource;
import io.tailguard.sources.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Daily bars from {@code <barsDir>/<SYMBOL>.csv}: a header with at least {@code date,close} (other columns such as
 * open, high, low, volume are ignored), one line per session, dates as YYYY-MM-DD. XSP implied volatility is the
 * file {@code XSP_IV.csv} with the IV as a fraction in {@code close}.
 */
public final class CsvDailyBarSource implements DailyBarSource {
    private final Path barsDir;

    public CsvDailyBarSource(Path barsDir) {
        this.barsDir = barsDir;
    }

    @Override
    public String description() {
        return "CSV bars in " + barsDir;
    }

    @Override
    public List<DailyClose> dailyBars(String symbol, LocalDate from, LocalDate to) {
        Path file = barsDir.resolve(symbol + ".csv");
        if (!Files.exists(file)) {
            throw new SourceException("CSV bars for " + symbol + ": no file " + file, false);
        }
        List<DailyClose> bars = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.read(file, "date", "close").rows()) {
            LocalDate date = row.date("date");
            if (!date.isBefore(from) && !date.isAfter(to)) {
                double close = row.number("close");
                if (close <= 0) {
                    throw new SourceException("CSV " + file.getFileName() + " line " + row.line() + ": close must be "
                            + "positive but was " + close, false);
                }
                bars.add(new DailyClose(symbol, date, close));
            }
        }
        bars.sort(Comparator.comparing(DailyClose::date));
        return bars;
    }
}
