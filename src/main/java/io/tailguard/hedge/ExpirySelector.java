package io.tailguard.hedge;

import io.tailguard.domain.TradingCalendar;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The tenor rule: the first expiry the broker lists that is a session and lies at least N sessions after
 * the analysis date. Expiries come from the broker's own definitions, never from date arithmetic, so a
 * holiday week (Thanksgiving: no Thursday expiry) simply moves to the next listed one.
 */
public final class ExpirySelector {
    private final TradingCalendar calendar;

    public ExpirySelector(TradingCalendar calendar) {
        this.calendar = calendar;
    }

    /** Empty when the broker lists nothing far enough out (a value: the roll reports it). */
    public Optional<LocalDate> select(SortedSet<LocalDate> listed, LocalDate analysisDate, int minTradingDays) {
        for (LocalDate expiry : listed) {
            if (expiry.isAfter(analysisDate) && calendar.isTradingDay(expiry)
                    && calendar.tradingDaysBetween(analysisDate, expiry) >= minTradingDays) {
                return Optional.of(expiry);
            }
        }
        return Optional.empty();
    }

    /** Sessions the position is exposed to: closes in (analysis date, expiry]. */
    public int tradingDays(LocalDate analysisDate, LocalDate expiry) {
        return calendar.tradingDaysBetween(analysisDate, expiry);
    }
}
