package io.tailguard.sources.ibkr;

import io.tailguard.broker.Broker;
import io.tailguard.broker.BrokerException;
import io.tailguard.domain.Contract;
import io.tailguard.sources.DailyClose;
import io.tailguard.sources.DailyBarSource;
import io.tailguard.sources.SourceException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** Daily bars for the signal layers from the broker, completed sessions only. */
public final class BrokerDailyBarSource implements DailyBarSource {
    /** The pseudo-symbol of XSP's implied volatility history. */
    public static final String XSP_IV = "XSP_IV";
    private static final Set<String> CBOE_INDICES = Set.of("SPX", "XSP", "VIX", "VIX9D", "VIX3M", "TNX");

    private final Broker broker;

    public BrokerDailyBarSource(Broker broker) {
        this.broker = broker;
    }

    @Override
    public List<DailyClose> dailyBars(String symbol, LocalDate from, LocalDate to) {
        // enough trading days to cover the calendar window
        int days = (int) Math.max(1, ChronoUnit.DAYS.between(from, to) * 5 / 7 + 5);
        try {
            List<io.tailguard.domain.DailyBar> bars = XSP_IV.equals(symbol)
                    ? broker.dailyImpliedVolatility(Contract.index("XSP", "CBOE"), days)
                    : broker.dailyBars(contractOf(symbol), days);
            return bars.stream()
                    .filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to) && b.close() > 0)
                    .map(b -> new DailyClose(symbol, b.date(), b.close()))
                    .toList();
        } catch (BrokerException e) {
            throw new SourceException("broker bars for " + symbol + ": " + e.getMessage(), e.kind().isRetryable(), e);
        }
    }

    @Override
    public String description() {
        return "broker daily bars";
    }

    static Contract contractOf(String symbol) {
        return CBOE_INDICES.contains(symbol) ? Contract.index(symbol, "CBOE") : Contract.stock(symbol);
    }
}
