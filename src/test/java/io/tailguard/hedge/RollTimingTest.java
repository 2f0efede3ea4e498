package io.tailguard.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.calendar.ExchangeCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollTimingTest {
    private final ExchangeCalendar calendar = ExchangeCalendar.nyse();

    private RollTiming fire(String date) {
        return RollTiming.forFire(LocalDate.parse(date), DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, calendar);
    }

    @Test
    void anOrdinaryThursdayAnalysesForFriday() {
        assertThat(fire("2026-11-12")).isEqualTo(new RollTiming.Run(LocalDate.parse("2026-11-12"),
                LocalDate.parse("2026-11-13"), ""));
    }

    @Test
    void theWednesdayFireSkipsInAnOrdinaryWeek() {
        assertThat(fire("2026-11-11")).isInstanceOf(RollTiming.Skip.class);
    }

    @Test
    void thanksgivingThursdayIsClosedAndTheWednesdayFireRuns() {
        assertThat(fire("2026-11-26")).isInstanceOf(RollTiming.Skip.class);
        RollTiming wednesday = fire("2026-11-25");
        assertThat(wednesday).isInstanceOf(RollTiming.Run.class);
        assertThat(((RollTiming.Run) wednesday).executionDate()).isEqualTo(LocalDate.parse("2026-11-27"));
    }

    @Test
    void aHolidayFridayMovesTheExecutionToThePreviousTradingDay() {
        // Good Friday 2027-03-26
        RollTiming thursday = fire("2027-03-25");
        assertThat(thursday).isInstanceOf(RollTiming.Run.class);
        assertThat(((RollTiming.Run) thursday).executionDate()).isEqualTo(LocalDate.parse("2027-03-25"));
        assertThat(((RollTiming.Run) thursday).note()).contains("2027-03-26");
    }

    @Test
    void aWeekendFireNeverRuns() {
        assertThat(fire("2026-11-21")).isInstanceOf(RollTiming.Skip.class);
    }

    @ParameterizedTest(name = "at {0} New York: analysis {1}, execution {2}")
    @CsvSource({
            // Thursday evening, after the index options' 16:15 close: today's close, tomorrow's session
            "2026-12-03T20:13, 2026-12-03, 2026-12-04",
            "2026-12-03T16:15, 2026-12-03, 2026-12-04",
            // Thursday before the close (and before the open): Wednesday's close, executed today
            "2026-12-03T16:14, 2026-12-02, 2026-12-03",
            "2026-12-03T11:00, 2026-12-02, 2026-12-03",
            "2026-12-03T07:00, 2026-12-02, 2026-12-03",
            // the weekend and Monday before the open: Friday's close, Monday's session
            "2026-12-05T12:00, 2026-12-04, 2026-12-07",
            "2026-12-06T23:59, 2026-12-04, 2026-12-07",
            "2026-12-07T08:00, 2026-12-04, 2026-12-07",
            // Thanksgiving (closed): Wednesday's close, Friday's session
            "2026-11-26T14:00, 2026-11-25, 2026-11-27",
            // just after midnight: still the evening before's close
            "2026-12-04T00:05, 2026-12-03, 2026-12-04"})
    void aRollByHandAnalysesOnTheLatestCloseAtAnyHour(String now, String analysis, String execution) {
        RollTiming.Run run = RollTiming.latestClose(LocalDateTime.parse(now).atZone(ExchangeCalendar.NEW_YORK),
                calendar);

        assertThat(run.analysisDate()).isEqualTo(LocalDate.parse(analysis));
        assertThat(run.executionDate()).isEqualTo(LocalDate.parse(execution));
    }
}
