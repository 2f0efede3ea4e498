package io.tailguard.sources.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real daily history shipped in {@code market-history/} (provenance in its {@code SOURCES.md}), read and checked
 * once per file. A file is accepted whole or not at all: its header must be one of the two {@link HistoryLayout}s,
 * dates must be ISO and strictly ascending (a repeated date is a duplicate, named with both lines), every row must
 * have the header's number of fields, and the required column (close, or value) must be a number (a price row with
 * no close but an adjusted close, as adjusted-only sources write it, takes the adjusted close); a price close must
 * be positive, a volume not negative. Each error names the file and the line. Consecutive rows more than
 * {@code maxGapDays} calendar days apart are reported as {@link HistoryGap}s, never filled.
 * <p>
 * The signal layers use it on the embedded default, a backtest replays from it; it knows nothing of either.
 */
public final class MarketHistory {
    /** Relative to the installation directory, like {@code config/} and {@code strategies/}. */
    public static final Path DEFAULT_DIR = Path.of("market-history");
    /** A long weekend with a holiday spans four calendar days (Friday to Tuesday); more is a gap worth a look. */
    public static final int DEFAULT_MAX_GAP_DAYS = 4;

    private final Path dir;
    private final int maxGapDays;
    private final Map<String, HistorySeries> loaded = new ConcurrentHashMap<>();

    public MarketHistory(Path dir) {
        this(dir, DEFAULT_MAX_GAP_DAYS);
    }

    public MarketHistory(Path dir, int maxGapDays) {
        if (maxGapDays < 1) {
            throw new IllegalArgumentException("maxGapDays must be at least 1 but was " + maxGapDays);
        }
        this.dir = dir;
        this.maxGapDays = maxGapDays;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The file {@code <dir>/<name>.csv} (e.g. {@code dgs10}, {@code universe/AAPL}), read and validated on first use.
     * The name is the file's as spelt; the cache ignores its case.
     */
    public HistorySeries series(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        HistorySeries cached = loaded.get(key);
        if (cached != null) {
            return cached;
        }
        HistorySeries series = read(key, dir.resolve(name + ".csv"), maxGapDays);
        loaded.putIfAbsent(key, series);
        return series;
    }

    /** Reads and validates one file. */
    public static HistorySeries read(String name, Path file, int maxGapDays) {
        List<HistoryBar> bars = new ArrayList<>();
        List<HistoryGap> gaps = new ArrayList<>();
        HistoryLayout layout = null;
        int previousLine = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                String row = text.strip();
                if (row.isEmpty()) {
                    continue;
                }
                String[] fields = row.split(",", -1);
                if (layout == null) {
                    List<String> columns = Arrays.stream(fields).map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
                    layout = HistoryLayout.ofHeader(columns);
                    if (layout == null) {
                        throw error(file, line, "header must be '" + String.join(",", HistoryLayout.VALUES.header())
                                + "' or '" + String.join(",", HistoryLayout.PRICES.header()) + "' but was '" + row + "'");
                    }
                    continue;
                }
                if (fields.length != layout.header().size()) {
                    throw error(file, line, "has " + fields.length + " fields, the header has "
                            + layout.header().size());
                }
                HistoryBar bar = parse(file, line, layout, fields);
                if (!bars.isEmpty()) {
                    LocalDate previous = bars.get(bars.size() - 1).date();
                    if (bar.date().equals(previous)) {
                        throw error(file, line, "duplicate date " + bar.date() + " (also on line " + previousLine + ")");
                    }
                    if (bar.date().isBefore(previous)) {
                        throw error(file, line, "date " + bar.date() + " is before " + previous + " on line "
                                + previousLine + ": rows must be in ascending date order");
                    }
                    HistoryGap gap = new HistoryGap(previous, bar.date());
                    if (gap.calendarDays() > maxGapDays) {
                        gaps.add(gap);
                    }
                }
                bars.add(bar);
                previousLine = line;
            }
        } catch (NoSuchFileException e) {
            throw new HistoryFormatException(file + ": no such file", e);
        } catch (IOException e) {
            throw new HistoryFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (layout == null) {
            throw error(file, 1, "the file is empty (a header line is required)");
        }
        if (bars.isEmpty()) {
            throw new HistoryFormatException(file + ": no data rows after the header");
        }
        return new HistorySeries(name, file, layout, bars, gaps);
    }

    private static HistoryBar parse(Path file, int line, HistoryLayout layout, String[] fields) {
        LocalDate date;
        String dateText = fields[0].strip();
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw error(file, line, "date '" + dateText + "' is not a date (YYYY-MM-DD)");
        }
        if (layout == HistoryLayout.VALUES) {
            return HistoryBar.value(date, number(file, line, "value", fields[1], true));
        }
        // An adjusted-only source (yfinance auto_adjust=True, the universe files) has no raw close: its adjusted
        // close is the only close there is, and open, high and low are on the same basis.
        double adjClose = number(file, line, "adj_close", fields[5], false);
        double close = fields[4].isBlank() && !Double.isNaN(adjClose) ? adjClose
                : number(file, line, "close", fields[4], true);
        if (close <= 0) {
            throw error(file, line, "close must be positive but was " + fields[4].strip());
        }
        double volume = number(file, line, "volume", fields[6], false);
        if (volume < 0) {
            throw error(file, line, "volume must not be negative but was " + fields[6].strip());
        }
        return new HistoryBar(date, number(file, line, "open", fields[1], false),
                number(file, line, "high", fields[2], false), number(file, line, "low", fields[3], false), close,
                adjClose, volume);
    }

    /** An empty optional field is NaN; anything else must be a finite number. */
    private static double number(Path file, int line, String column, String field, boolean required) {
        String text = field.strip();
        if (text.isEmpty()) {
            if (required) {
                throw error(file, line, column + " is empty");
            }
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(file, line, column + " '" + text + "' is not a number");
    }

    private static HistoryFormatException error(Path file, int line, String message) {
        return new HistoryFormatException(file + " line " + line + ": " + message);
    }
}
