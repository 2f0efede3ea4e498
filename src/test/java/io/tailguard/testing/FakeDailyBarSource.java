package io.tailguard.testing;

import io.tailguard.sources.DailyClose;
import io.tailguard.sources.DailyBarSource;
import io.tailguard.sources.SourceException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Daily bars held in memory; a symbol can be made to fail. Stands in for the broker-backed source. */
public final class FakeDailyBarSource implements DailyBarSource {
    private final Map<String, List<DailyClose>> bars = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();

    public FakeDailyBarSource put(String symbol, List<LocalDate> dates, double[] closes) {
        List<DailyClose> list = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            list.add(new DailyClose(symbol, dates.get(i), closes[i]));
        }
        bars.put(symbol, list);
        return this;
    }

    public FakeDailyBarSource fail(String symbol, String message) {
        failures.put(symbol, message);
        return this;
    }

    @Override
    public List<DailyClose> dailyBars(String symbol, LocalDate from, LocalDate to) {
        if (failures.containsKey(symbol)) {
            throw new SourceException(failures.get(symbol), true);
        }
        return bars.getOrDefault(symbol, List.of()).stream()
                .filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).toList();
    }
}
