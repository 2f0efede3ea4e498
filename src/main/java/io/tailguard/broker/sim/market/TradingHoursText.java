package io.tailguard.broker.sim.market;

import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.calendar.Session;
import io.tailguard.calendar.Venue;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * IB's trading-hours text: {@code 20261127:0930-20261127:1300;20261128:CLOSED;...}, one entry per
 * calendar day, times in the contract's time zone (US/Eastern).
 */
final class TradingHoursText {

    static final int DAYS = 7;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private TradingHoursText() {
    }

    /** Regular-session hours of {@code venue} for {@code DAYS} days from {@code from}. */
    static String liquidHours(ExchangeCalendar calendar, Venue venue, LocalDate from) {
        return build(calendar, venue, from, false);
    }

    /** Stocks also trade 04:00–20:00 (17:00 on an early-close day) outside the regular session. */
    static String extendedHours(ExchangeCalendar calendar, Venue venue, LocalDate from) {
        return build(calendar, venue, from, true);
    }

    private static String build(ExchangeCalendar calendar, Venue venue, LocalDate from, boolean extended) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < DAYS; i++) {
            LocalDate d = from.plusDays(i);
            if (sb.length() > 0) {
                sb.append(';');
            }
            Optional<Session> s = calendar.session(d, venue);
            String day = DAY.format(d);
            if (s.isEmpty()) {
                sb.append(day).append(":CLOSED");
                continue;
            }
            LocalTime open = extended ? LocalTime.of(4, 0) : s.get().open().toLocalTime();
            LocalTime close = extended ? (s.get().earlyClose() ? LocalTime.of(17, 0) : LocalTime.of(20, 0))
                    : s.get().close().toLocalTime();
            sb.append(day).append(':').append(HHMM.format(open)).append('-').append(day).append(':')
                    .append(HHMM.format(close));
        }
        return sb.toString();
    }
}
