package io.tailguard.broker.sim.market;

import static io.tailguard.broker.sim.market.MarketFixtures.ny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.testing.MutableClock;
import java.time.Clock;
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
    void replayStandsAtItsStartAtTheAnchorAndRunsSpeedTimesTheWallClock() {
        Instant start = ny("2026-11-30", 9, 30);
        MutableClock wall = new MutableClock(Instant.parse("2026-12-04T01:13:00Z")); // 20:13 New York
        SimClock replay = SimClock.replay(new ReplayAnchor(wall.instant(), start, 60), wall);
        assertThat(replay.instant()).isEqualTo(start);
        wall.advance(Duration.ofSeconds(90));
        assertThat(replay.instant()).isEqualTo(start.plus(Duration.ofMinutes(90)));
        wall.advance(Duration.ofMillis(250));
        assertThat(replay.instant()).isEqualTo(start.plus(Duration.ofMinutes(90)).plusSeconds(15));
        assertThat(replay.mode()).isEqualTo(ClockMode.ACCELERATED);
    }

    @Test
    void replayAtSpeedOneKeepsTheWallClocksPaceToTheNanosecond() {
        Instant start = ny("2026-11-30", 9, 30);
        MutableClock wall = new MutableClock(Instant.parse("2026-12-04T01:13:00Z"));
        SimClock replay = SimClock.replay(new ReplayAnchor(wall.instant(), start, 1), wall);
        wall.advance(Duration.ofDays(200).plusNanos(123_456_789));
        assertThat(replay.instant()).isEqualTo(start.plus(Duration.ofDays(200).plusNanos(123_456_789)));
    }

    @Test
    void replayNeverRunsBackwardsWhenTheWallClockIsSetBack() {
        Instant start = ny("2026-11-30", 9, 30);
        MutableClock wall = new MutableClock(Instant.parse("2026-12-04T01:13:00Z"));
        SimClock replay = SimClock.replay(new ReplayAnchor(wall.instant(), start, 60), wall);
        wall.advance(Duration.ofSeconds(10));
        Instant reached = replay.instant();
        wall.advance(Duration.ofSeconds(-5)); // NTP steps the wall clock back
        assertThat(replay.instant()).isEqualTo(reached);
        wall.advance(Duration.ofSeconds(6)); // caught up, and one second further
        assertThat(replay.instant()).isEqualTo(reached.plus(Duration.ofMinutes(1)));
    }

    @Test
    void twoReplaysOnTheSameAnchorTellTheSameTime() {
        Instant start = ny("2026-11-30", 9, 30);
        MutableClock wall = new MutableClock(Instant.parse("2026-12-04T01:13:00Z"));
        ReplayAnchor anchor = new ReplayAnchor(wall.instant(), start, 60);
        SimClock daemon = SimClock.replay(anchor, wall);
        wall.advance(Duration.ofSeconds(42));
        SimClock console = SimClock.replay(anchor, wall); // built later, from the published anchor
        assertThat(console.instant()).isEqualTo(daemon.instant()).isEqualTo(start.plus(Duration.ofMinutes(42)));
        assertThat(console.anchor()).contains(anchor);
    }

    @Test
    void aReplayRunsOnTheWallClockNotOnAnotherReplay() {
        Instant start = ny("2026-11-30", 9, 30);
        SimClock replay = SimClock.replay(new ReplayAnchor(Instant.EPOCH, start, 60), Clock.systemUTC());
        assertThatThrownBy(() -> SimClock.replay(new ReplayAnchor(Instant.EPOCH, start, 60), replay))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplayAnchor(Instant.EPOCH, start, 0)).hasMessageContaining("speed");
        assertThat(SimClock.real().anchor()).isEmpty();
        assertThat(SimClock.manual(start).anchor()).isEmpty();
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
