package io.tailguard.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.schedule.ExchangeCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

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
}
