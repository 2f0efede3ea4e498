package io.tailguard.hedge.roll;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.app.WeeklyHedgeStrategy;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.testing.SignalFixtures;
import io.tailguard.testing.StubBroker;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduled fire's calendar decision, made by the service: a closed day is skipped before any broker call. */
class WeeklyHedgeRollScheduleTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final WeeklyHedgeConfig config = WeeklyHedgeStrategy.load(WeeklyHedgeStrategy.DEFAULT_FILE);
    private final List<Object> proposals = new ArrayList<>();

    private RollOutcome fireAt(String newYorkTime) {
        Clock clock = Clock.fixed(LocalDateTime.parse(newYorkTime).atZone(NEW_YORK).toInstant(), NEW_YORK);
        // StubBroker throws on a chain pull: a skip must decide before asking the market anything
        return new WeeklyHedgeRollService(clock, new StubBroker(), SignalsReader.none(SignalFixtures.REGIME_RULE),
                proposals::add, ExchangeCalendar.nyse(), config).rollOnSchedule();
    }

    @Test
    void thanksgivingThursdayIsSkippedWithTheReasonAndNothingProposed() {
        RollOutcome outcome = fireAt("2026-11-26T16:30");

        assertThat(outcome).isInstanceOfSatisfying(RollOutcome.Skipped.class,
                s -> assertThat(s.reason()).contains("2026-11-26"));
        assertThat(proposals).isEmpty();
    }

    @Test
    void anOrdinaryWednesdayIsSkippedBecauseThursdayTrades() {
        RollOutcome outcome = fireAt("2026-11-11T16:30");

        assertThat(outcome).isInstanceOf(RollOutcome.Skipped.class);
        assertThat(proposals).isEmpty();
    }
}
