package io.tailguard.hedge;

import io.tailguard.domain.TradingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;

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
