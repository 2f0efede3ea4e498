package io.tailguard.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.Set;

/**
 * The US exchange calendar: NYSE full holidays by rule, the three early closes, and each venue's hours
 * (Cboe index options close a quarter of an hour after the stocks). Pure and thread-safe; time zone
 * America/New_York. Extra closures (days of mourning) come from {@link ExchangeCalendarConfig}.
 *
 * <p>Holiday rules (NYSE Rule 7.2): New Year's Day, Martin Luther King Jr. Day (3rd Monday of January),
 * Washington's Birthday (3rd Monday of February), Good Friday, Memorial Day (last Monday of May),
 * Juneteenth (from 2022), Independence Day, Labor Day (1st Monday of September), Thanksgiving (4th
 * Thursday of November) and Christmas. A fixed-date holiday on a Saturday is observed on the Friday
 * before, on a Sunday the Monday after — except New Year's Day on a Saturday, which is not observed
 * at all (the Friday is the last session of the year, and closing it would end the year early).
 *
 * <p>Early closes (13:00 stocks, 13:15 index options): July 3 when it is a session, the day after
 * Thanksgiving, and December 24 when it is a session.
 */
public final class ExchangeCalendar implements io.tailguard.domain.TradingCalendar {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final Set<LocalDate> extraClosures;
    private final Set<LocalDate> extraEarlyCloses;
    private final java.util.Map<Integer, Set<LocalDate>> holidaysByYear = new java.util.concurrent.ConcurrentHashMap<>();

    public ExchangeCalendar(ExchangeCalendarConfig config) {
        this.extraClosures = Set.copyOf(config.extraClosures());
        this.extraEarlyCloses = Set.copyOf(config.extraEarlyCloses());
    }

    /** The rule-based calendar with no extra closures. */
    public static ExchangeCalendar nyse() {
        return new ExchangeCalendar(ExchangeCalendarConfig.none());
    }

    public boolean isTradingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        return !isHoliday(date) && !extraClosures.contains(date);
    }

    /** True for a weekday on which the exchanges are closed by rule (not for weekends or extra closures). */
    public boolean isHoliday(LocalDate date) {
        return holidaysByYear.computeIfAbsent(date.getYear(), this::holidaysOf).contains(date);
    }

    private Set<LocalDate> holidaysOf(int year) {
        Set<LocalDate> out = new java.util.HashSet<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (isHolidayByRule(d)) {
                out.add(d);
            }
        }
        return Set.copyOf(out);
    }

    private static boolean isHolidayByRule(LocalDate date) {
        int year = date.getYear();
        if (date.equals(newYearsObserved(year)) || date.equals(observed(LocalDate.of(year, Month.DECEMBER, 25)))) {
            return true;
        }
        if (date.equals(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3))
                || date.equals(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3))
                || date.equals(easterSunday(year).minusDays(2))
                || date.equals(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                || date.equals(observed(LocalDate.of(year, Month.JULY, 4)))
                || date.equals(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))
                || date.equals(thanksgiving(year))) {
            return true;
        }
        return year >= 2022 && date.equals(observed(LocalDate.of(year, Month.JUNE, 19)));
    }

    /** True for a session that closes early (13:00 stocks, 13:15 index options). */
    public boolean isEarlyClose(LocalDate date) {
        if (!isTradingDay(date)) {
            return false;
        }
        if (extraEarlyCloses.contains(date)) {
            return true;
        }
        int year = date.getYear();
        return date.equals(LocalDate.of(year, Month.JULY, 3))
                || date.equals(thanksgiving(year).plusDays(1))
                || date.equals(LocalDate.of(year, Month.DECEMBER, 24));
    }

    /** The first session strictly after {@code date}. */
    public LocalDate nextTradingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isTradingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The last session strictly before {@code date}. */
    public LocalDate previousTradingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** {@code date} when it is a session, else the last session before it. */
    public LocalDate tradingDayOnOrBefore(LocalDate date) {
        return isTradingDay(date) ? date : previousTradingDay(date);
    }

    /**
     * The number of sessions in {@code (from, to]}: how many closes lie between the two dates, e.g. 5
     * from a Friday to the next Friday of an ordinary week. Negative when {@code to} is before {@code from}.
     */
    public int tradingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -tradingDaysBetween(to, from);
        }
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** The regular session of {@code venue} on {@code date}; empty on a closed day. */
    public Optional<Session> session(LocalDate date, Venue venue) {
        if (!isTradingDay(date)) {
            return Optional.empty();
        }
        boolean early = isEarlyClose(date);
        ZonedDateTime open = date.atTime(venue.open()).atZone(NEW_YORK);
        ZonedDateTime close = date.atTime(early ? venue.earlyClose() : venue.close()).atZone(NEW_YORK);
        return Optional.of(new Session(open, close, early));
    }

    /** The open of {@code venue} on a session day; asking for a closed day is a bug. */
    public ZonedDateTime sessionOpen(LocalDate date, Venue venue) {
        return requireSession(date, venue).open();
    }

    /** The close of {@code venue} on a session day (early on an early-close day); asking for a closed day is a bug. */
    public ZonedDateTime sessionClose(LocalDate date, Venue venue) {
        return requireSession(date, venue).close();
    }

    /** True while {@code venue} is in its regular session. */
    public boolean isOpen(Instant instant, Venue venue) {
        LocalDate date = instant.atZone(NEW_YORK).toLocalDate();
        return session(date, venue).map(s -> s.contains(instant)).orElse(false);
    }

    private Session requireSession(LocalDate date, Venue venue) {
        return session(date, venue)
                .orElseThrow(() -> new IllegalArgumentException(date + " is not a trading day"));
    }

    private static LocalDate newYearsObserved(int year) {
        LocalDate jan1 = LocalDate.of(year, Month.JANUARY, 1);
        // Saturday: not observed (the Friday before is Dec 31, the year's last session).
        return jan1.getDayOfWeek() == DayOfWeek.SUNDAY ? jan1.plusDays(1) : jan1;
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate thanksgiving(int year) {
        return nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
    }

    private static LocalDate nthWeekday(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
