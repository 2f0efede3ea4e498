package io.tailguard.domain;

import java.time.LocalDate;

/**
 * Which days are sessions, for the pure capabilities (the hedge's tenor and roll rules). The exchange
 * calendar in {@code schedule} implements it; holidays and early closes live there.
 */
public interface TradingCalendar {
    boolean isTradingDay(LocalDate date);

    /** The first session strictly after {@code date}. */
    LocalDate nextTradingDay(LocalDate date);

    /** The last session strictly before {@code date}. */
    LocalDate previousTradingDay(LocalDate date);

    /** {@code date} when it is a session, else the last session before it. */
    LocalDate tradingDayOnOrBefore(LocalDate date);

    /** The number of sessions in {@code (from, to]}. */
    int tradingDaysBetween(LocalDate from, LocalDate to);
}
