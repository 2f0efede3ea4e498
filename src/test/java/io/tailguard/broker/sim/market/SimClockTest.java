package io.tailguard.broker.sim.market;

import static io.tailguard.broker.sim.market.MarketFixtures.ny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimClockTest {

    @Test
    void manualClockStandsStillUntilAdvanced() {
        Instant start = ny("2026-11-16", 9, 30);
        SimClock clock = SimClock.manual(start);
        assertThat(clock.instant()).isEqualTo(start);
        clock.advance(Duration.ofMinutes(7));
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(420));
        clock.setTo(start.plusSeconds(3600));
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(3600));
        assertThatThrownBy(() -> clock.setTo(start)).hasMessageContaining("backwards");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).hasMessageContaining("backwards");
    }

    @Test
    void acceleratedClockRunsFactorTimesFasterThanItsBase() {
        Instant start = ny("2026-11-16", 9, 30);
        SimClock base = SimClock.manual(Instant.parse("2030-01-01T00:00:00Z"));
        SimClock fast = SimClock.accelerated(start, 60, base);
        assertThat(fast.instant()).isEqualTo(start);
        base.advance(Duration.ofSeconds(10));
        assertThat(fast.instant()).isEqualTo(start.plus(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> fast.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void zoneIsNewYorkAndAZonedViewReadsTheSameInstant() {
        SimClock clock = SimClock.manual(ny("2026-11-16", 9, 30));
        assertThat(clock.getZone().getId()).isEqualTo("America/New_York");
        var utc = clock.withZone(java.time.ZoneOffset.UTC);
        clock.advance(Duration.ofHours(1));
        assertThat(utc.instant()).isEqualTo(clock.instant());
    }

    @Test
    void configChoosesTheClock() {
        MarketModelConfig manual = MarketModelConfig.defaults();
        assertThat(SimClock.of(manual).mode()).isEqualTo(ClockMode.MANUAL);
        assertThat(SimClock.of(manual).instant()).isEqualTo(manual.start());
        assertThat(SimClock.of(manual.withClock(ClockMode.ACCELERATED, 120)).mode()).isEqualTo(ClockMode.ACCELERATED);
        assertThat(SimClock.of(manual.withClock(ClockMode.REAL, 1)).mode()).isEqualTo(ClockMode.REAL);
    }
}
