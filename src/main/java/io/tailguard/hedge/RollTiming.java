package io.tailguard.hedge;

import io.tailguard.domain.TradingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * When a fire of the roll job should analyse, and for which execution day. The cron fires on the
 * analysis day (Thursday) and, as a documented second entry, on the day before it (Wednesday); the
 * calendar decides: no run on a closed day; the day-before fire runs only when the analysis day is a
 * holiday (Thanksgiving); when the execution day (Friday) is a holiday (Good Friday) the execution
 * moves to the previous trading day, the analysis day itself.
 */
public sealed interface RollTiming {

    record Run(LocalDate analysisDate, LocalDate executionDate, String note) implements RollTiming {
    }

    record Skip(String reason) implements RollTiming {
    }

    /**
     * When the Cboe's index options (XSP) close: 16:15 New York. On an early-close day they close at 13:15;
     * the calendar port does not tell early closes, so between 13:15 and 16:15 of such a day the latest
     * close is taken to be the session before (an older close, never one that has not happened).
     */
    LocalTime INDEX_OPTIONS_CLOSE = LocalTime.of(16, 15);

    /**
     * A roll run by hand ({@code hedge preview}, {@code hedge roll}) at any hour: it analyses on the latest
     * close, and executes on the session after it. In the evening that is today's close and tomorrow's
     * session; before the close, and on a weekend or a holiday, the last session's close and the next
     * session (today, during a session).
     *
     * @param now the time in New York
     */
    static Run latestClose(ZonedDateTime now, TradingCalendar calendar) {
        LocalDate today = now.toLocalDate();
        LocalDate analysis = calendar.isTradingDay(today) && !now.toLocalTime().isBefore(INDEX_OPTIONS_CLOSE)
                ? today : calendar.previousTradingDay(today);
        return new Run(analysis, calendar.nextTradingDay(analysis), "");
    }

    static RollTiming forFire(LocalDate fired, DayOfWeek analysisDay, DayOfWeek executionDay, TradingCalendar calendar) {
        if (!calendar.isTradingDay(fired)) {
            return new Skip(fired + " (" + fired.getDayOfWeek() + ") is not a trading day");
        }
        if (fired.getDayOfWeek() == analysisDay.minus(1)) {
            LocalDate usual = fired.plusDays(1);
            if (calendar.isTradingDay(usual)) {
                return new Skip("the day-before fire runs only when " + usual + " is a holiday");
            }
            return new Run(fired, calendar.nextTradingDay(fired),
                    "analysis moved to " + fired + ": " + usual + " is a holiday");
        }
        LocalDate usualExecution = fired;
        while (usualExecution.getDayOfWeek() != executionDay) {
            usualExecution = usualExecution.plusDays(1);
        }
        if (!calendar.isTradingDay(usualExecution)) {
            LocalDate moved = calendar.tradingDayOnOrBefore(usualExecution);
            return new Run(fired, moved, "execution moved to " + moved + ": " + usualExecution + " is a holiday");
        }
        return new Run(fired, usualExecution, "");
    }
}
