package io.tailguard.sources.history;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One validated market-history file: its rows in strictly ascending date order and the gaps found between them.
 * {@code asOf()} is the date of the last row: the history says nothing about later days.
 */
public record HistorySeries(String name, Path file, HistoryLayout layout, List<HistoryBar> bars, List<HistoryGap> gaps) {

    public HistorySeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(layout, "layout");
        bars = List.copyOf(bars);
        gaps = List.copyOf(gaps);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException(file + " has no rows");
        }
        for (int i = 1; i < bars.size(); i++) {
            if (!bars.get(i).date().isAfter(bars.get(i - 1).date())) {
                throw new IllegalArgumentException(file + ": rows are not in strictly ascending date order at "
                        + bars.get(i).date());
            }
        }
    }

    public LocalDate firstDate() {
        return bars.get(0).date();
    }

    /** The last date the file describes. */
    public LocalDate asOf() {
        return bars.get(bars.size() - 1).date();
    }

    /** Rows dated from {@code from} to {@code to} inclusive, oldest first. */
    public List<HistoryBar> between(LocalDate from, LocalDate to) {
        int start = firstIndexOnOrAfter(from);
        int end = firstIndexOnOrAfter(to.plusDays(1));
        return start >= end ? List.of() : bars.subList(start, end);
    }

    private int firstIndexOnOrAfter(LocalDate date) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).date().isBefore(date)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
