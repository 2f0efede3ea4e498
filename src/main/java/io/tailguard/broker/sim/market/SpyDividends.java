package io.tailguard.broker.sim.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * SPY holds the S&P 500 stocks and accrues their dividends in cash until it pays them quarterly
 * (ex-date the Monday after the third Friday of March, June, September, December). So SPY is SPX/10
 * grown by the dividends accrued since the last ex-date, and drops back on the ex-date.
 */
final class SpyDividends {

    private SpyDividends() {
    }

    static double accrualFactor(LocalDate date, double dividendYield) {
        LocalDate ex = lastExDate(date);
        long days = date.toEpochDay() - ex.toEpochDay();
        return 1 + dividendYield * days / 365.0;
    }

    static LocalDate lastExDate(LocalDate date) {
        for (int back = 0; back < 5; back++) {
            LocalDate m = date.withDayOfMonth(1).minusMonths(back);
            if (m.getMonthValue() % 3 == 0) {
                LocalDate ex = m.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY)).plusDays(3);
                if (!ex.isAfter(date)) {
                    return ex;
                }
            }
        }
        throw new IllegalStateException("no SPY ex-date within five months before " + date);
    }
}
