package io.tailguard.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.calendar.ExchangeCalendar;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExpirySelectorTest {
    private final ExpirySelector selector = new ExpirySelector(ExchangeCalendar.nyse());

    private static SortedSet<LocalDate> listed(String... dates) {
        return new TreeSet<>(Stream.of(dates).map(LocalDate::parse).toList());
    }

    @Test
    void anOrdinaryWeekTakesTheNextThursday() {
        SortedSet<LocalDate> expiries = listed("2026-11-06", "2026-11-09", "2026-11-11", "2026-11-12", "2026-11-13",
                "2026-11-16", "2026-11-18", "2026-11-19", "2026-11-20");
        assertThat(selector.select(expiries, LocalDate.parse("2026-11-12"), 5)).contains(LocalDate.parse("2026-11-19"));
    }

    @Test
    void thanksgivingWeekMovesToTheNextListedExpiryAfterTheHoliday() {
        // Thursday 2026-11-26 is Thanksgiving: no expiry that day; Friday 27th is an early close
        SortedSet<LocalDate> expiries = listed("2026-11-20", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-27",
                "2026-11-30", "2026-12-03");
        assertThat(selector.select(expiries, LocalDate.parse("2026-11-19"), 5)).contains(LocalDate.parse("2026-11-27"));
        assertThat(selector.tradingDays(LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-27"))).isEqualTo(5);
    }

    @Test
    void anAnalysisMovedToWednesdayBeforeThanksgivingCountsSessionsNotDays() {
        SortedSet<LocalDate> expiries = listed("2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03");
        assertThat(selector.select(expiries, LocalDate.parse("2026-11-25"), 5)).contains(LocalDate.parse("2026-12-03"));
    }

    @Test
    void anExpiryListedOnAHolidayIsSkipped() {
        // Good Friday 2027 is March 26
        SortedSet<LocalDate> expiries = listed("2027-03-25", "2027-03-26", "2027-03-29", "2027-04-01");
        assertThat(selector.select(expiries, LocalDate.parse("2027-03-19"), 5)).contains(LocalDate.parse("2027-03-29"));
    }

    @Test
    void christmasAndNewYearWeeks() {
        SortedSet<LocalDate> expiries = listed("2026-12-24", "2026-12-28", "2026-12-30", "2026-12-31", "2027-01-04");
        // sessions after Thu 12-24: Sat-Sun none, Fri 12-25 holiday; 28, 29, 30, 31 are 4 sessions, Jan 4 the 5th
        assertThat(selector.select(expiries, LocalDate.parse("2026-12-24"), 5)).contains(LocalDate.parse("2027-01-04"));
    }

    @Test
    void nothingFarEnoughIsAnEmptyAnswer() {
        assertThat(selector.select(listed("2026-11-20"), LocalDate.parse("2026-11-19"), 5)).isEmpty();
    }
}
