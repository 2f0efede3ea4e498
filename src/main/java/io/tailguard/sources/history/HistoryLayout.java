package io.tailguard.sources.history;

import java.util.List;

/** The two layouts of the market-history files (see {@code market-history/SOURCES.md}). */
public enum HistoryLayout {
    /** {@code date,open,high,low,close,adj_close,volume}: an index, an ETF or a stock; close is required. */
    PRICES(List.of("date", "open", "high", "low", "close", "adj_close", "volume")),
    /** {@code date,value}: a rate in percent or a balance; the value is required. */
    VALUES(List.of("date", "value"));

    private final List<String> header;

    HistoryLayout(List<String> header) {
        this.header = header;
    }

    public List<String> header() {
        return header;
    }

    static HistoryLayout ofHeader(List<String> columns) {
        for (HistoryLayout layout : values()) {
            if (layout.header.equals(columns)) {
                return layout;
            }
        }
        return null;
    }
}
