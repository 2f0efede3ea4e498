package io.tailguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExchangeCalendarTest {

    private final ExchangeCalendar calendar = ExchangeCalendar.nyse();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void knowsEveryNyseFullHolidayOf2025To2027() {
        List<LocalDate> holidays = Stream.of(
                // 2025
                "2025-01-01", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19",
                "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25",
                // 2026
                "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19",
                "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25",
                // 2027
                "2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26", "2027-05-31", "2027-06-18",
                "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24").map(LocalDate::parse).toList();
        for (LocalDate h : holidays) {
            assertThat(calendar.isTradingDay(h)).as("%s is a holiday", h).isFalse();
        }
        long weekdayClosures = Stream.iterate(d("2025-01-01"), x -> x.isBefore(d("2028-01-01")), x -> x.plusDays(1))
                .filter(x -> x.getDayOfWeek().getValue() <= 5)
                .filter(x -> !calendar.isTradingDay(x))
                .count();
        assertThat(weekdayClosures).as("no weekday closures beyond the listed holidays").isEqualTo(holidays.size());
    }

    @Test
    void closesThanksgivingThursday2026AndClosesEarlyOnTheFriday() {
        assertThat(calendar.isTradingDay(d("2026-11-25"))).isTrue();
        assertThat(calendar.isEarlyClose(d("2026-11-25"))).isFalse();
        assertThat(calendar.isTradingDay(d("2026-11-26"))).isFalse();
        assertThat(calendar.isTradingDay(d("2026-11-27"))).isTrue();
        assertThat(calendar.isEarlyClose(d("2026-11-27"))).isTrue();
        assertThat(calendar.sessionClose(d("2026-11-27"), Venue.EQUITIES).toLocalTime()).isEqualTo(LocalTime.of(13, 0));
        assertThat(calendar.sessionClose(d("2026-11-27"), Venue.INDEX_OPTIONS).toLocalTime())
                .isEqualTo(LocalTime.of(13, 15));
        assertThat(calendar.tradingDaysBetween(d("2026-11-20"), d("2026-11-27"))).isEqualTo(4);
    }

    @Test
    void closesGoodFriday2026AndMovesNothingElse() {
        assertThat(calendar.isTradingDay(d("2026-04-03"))).isFalse();
        assertThat(calendar.isHoliday(d("2026-04-03"))).isTrue();
        assertThat(calendar.previousTradingDay(d("2026-04-03"))).isEqualTo(d("2026-04-02"));
        assertThat(calendar.nextTradingDay(d("2026-04-03"))).isEqualTo(d("2026-04-06"));
        assertThat(ExchangeCalendar.easterSunday(2026)).isEqualTo(d("2026-04-05"));
        assertThat(ExchangeCalendar.easterSunday(2027)).isEqualTo(d("2027-03-28"));
    }

    @Test
    void observesJuneteenthFromWeekendsAndNotBefore2022() {
        assertThat(calendar.isTradingDay(d("2026-06-19"))).isFalse();
        assertThat(calendar.isTradingDay(d("2027-06-18"))).as("Saturday Juneteenth observed Friday").isFalse();
        assertThat(calendar.isTradingDay(d("2022-06-20"))).as("Sunday Juneteenth observed Monday").isFalse();
        assertThat(calendar.isTradingDay(d("2021-06-18"))).as("not yet a holiday").isTrue();
    }

    @Test
    void observesIndependenceDay2026OnFridayJuly3WithoutAnEarlyCloseBefore() {
        assertThat(calendar.isTradingDay(d("2026-07-03"))).isFalse();
        assertThat(calendar.isTradingDay(d("2026-07-02"))).isTrue();
        assertThat(calendar.isEarlyClose(d("2026-07-02"))).isFalse();
        assertThat(calendar.isEarlyClose(d("2025-07-03"))).as("Thursday July 3 2025").isTrue();
    }

    @Test
    void observesChristmas2027OnFridayDecember24() {
        assertThat(calendar.isTradingDay(d("2027-12-24"))).isFalse();
        assertThat(calendar.isEarlyClose(d("2027-12-23"))).isFalse();
        assertThat(calendar.isEarlyClose(d("2026-12-24"))).as("Thursday Christmas Eve 2026").isTrue();
        assertThat(calendar.isEarlyClose(d("2025-12-24"))).isTrue();
    }

    @Test
    void doesNotObserveASaturdayNewYearsDayOnTheFridayBefore() {
        assertThat(calendar.isTradingDay(d("2027-12-31"))).isTrue();
        assertThat(calendar.isTradingDay(d("2021-12-31"))).as("Saturday Jan 1 2022").isTrue();
        assertThat(calendar.isEarlyClose(d("2021-12-31"))).isFalse();
        assertThat(calendar.isTradingDay(d("2023-01-02"))).as("Sunday New Year's observed Monday").isFalse();
    }

    @Test
    void closesIndexOptionsAQuarterHourAfterStocks() {
        ZonedDateTime stocks = calendar.sessionClose(d("2026-11-20"), Venue.EQUITIES);
        ZonedDateTime options = calendar.sessionClose(d("2026-11-20"), Venue.INDEX_OPTIONS);
        assertThat(stocks.toLocalTime()).isEqualTo(LocalTime.of(16, 0));
        assertThat(options.toLocalTime()).isEqualTo(LocalTime.of(16, 15));
        assertThat(options.getZone()).isEqualTo(ExchangeCalendar.NEW_YORK);
        assertThat(calendar.isOpen(stocks.plusMinutes(5).toInstant(), Venue.EQUITIES)).isFalse();
        assertThat(calendar.isOpen(stocks.plusMinutes(5).toInstant(), Venue.INDEX_OPTIONS)).isTrue();
        assertThat(calendar.isOpen(options.toInstant(), Venue.INDEX_OPTIONS)).isFalse();
        assertThat(calendar.sessionOpen(d("2026-11-20"), Venue.EQUITIES).toLocalTime()).isEqualTo(LocalTime.of(9, 30));
    }

    @Test
    void isNeverOpenOnAHolidayOrWeekend() {
        assertThat(calendar.isOpen(d("2026-11-26").atTime(11, 0).atZone(ExchangeCalendar.NEW_YORK).toInstant(),
                Venue.EQUITIES)).isFalse();
        assertThat(calendar.isOpen(d("2026-11-21").atTime(11, 0).atZone(ExchangeCalendar.NEW_YORK).toInstant(),
                Venue.EQUITIES)).isFalse();
        assertThat(calendar.session(d("2026-11-26"), Venue.EQUITIES)).isEmpty();
        assertThatThrownBy(() -> calendar.sessionClose(d("2026-11-26"), Venue.EQUITIES))
                .hasMessageContaining("2026-11-26");
    }

    @Test
    void countsTradingDaysAcrossAHolidayWeekAndBackwards() {
        assertThat(calendar.tradingDaysBetween(d("2026-03-27"), d("2026-04-03"))).isEqualTo(4);
        assertThat(calendar.tradingDaysBetween(d("2026-04-03"), d("2026-03-27"))).isEqualTo(-4);
        assertThat(calendar.tradingDaysBetween(d("2026-11-20"), d("2026-11-20"))).isZero();
    }

    @Test
    void takesExtraClosuresAndEarlyClosesFromConfig() {
        ExchangeCalendar withMourning = new ExchangeCalendar(
                new ExchangeCalendarConfig(List.of(d("2025-01-09")), List.of(d("2026-11-24"))));
        assertThat(calendar.isTradingDay(d("2025-01-09"))).isTrue();
        assertThat(withMourning.isTradingDay(d("2025-01-09"))).isFalse();
        assertThat(withMourning.nextTradingDay(d("2025-01-08"))).isEqualTo(d("2025-01-10"));
        assertThat(withMourning.isEarlyClose(d("2026-11-24"))).isTrue();
        assertThatThrownBy(() -> new ExchangeCalendarConfig(List.of(d("2025-01-09")), List.of(d("2025-01-09"))))
                .hasMessageContaining("extraEarlyCloses");
    }
}
