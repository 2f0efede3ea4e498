package io.tailguard.broker.sim.market;

import static io.tailguard.broker.sim.market.MarketFixtures.ny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.broker.sim.market.SimClockSetting.Field;
import io.tailguard.broker.sim.market.SimClockSetting.InvalidSetting;
import io.tailguard.testing.MutableClock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SimClockSettingTest {

    @Test
    void wallIsTheDefault() {
        assertThat(SimClockSetting.parse(null, null)).isInstanceOf(SimClockSetting.Wall.class);
        assertThat(SimClockSetting.parse(" WALL ", null)).isInstanceOf(SimClockSetting.Wall.class);
    }

    @Test
    void aReplayStartIsANewYorkTimeInsideASessionWithSpeedOneByDefault() {
        SimClockSetting.Replay replay = SimClockSetting.parse("2026-11-30T09:30", null).replay().orElseThrow();
        assertThat(replay.start()).isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 30));
        assertThat(replay.speed()).isEqualTo(1.0);
        assertThat(replay.startInstant()).isEqualTo(ny("2026-11-30", 9, 30));
        assertThat(replay.describe()).isEqualTo("replay from 2026-11-30T09:30 New York at 1x");
        assertThat(SimClockSetting.parse("2026-11-30T15:59:30", 60.0).replay().orElseThrow().speed()).isEqualTo(60);
    }

    @Test
    void aStartedReplayStandsAtItsStartAndRunsAtItsSpeed() {
        MutableClock wall = new MutableClock(Instant.parse("2026-12-04T01:13:00.123456Z"));
        SimClock clock = SimClockSetting.parse("2026-11-30T09:30", 60.0).replay().orElseThrow().startOn(wall);
        assertThat(clock.instant()).isEqualTo(ny("2026-11-30", 9, 30));
        assertThat(clock.anchor().orElseThrow().wall()).isEqualTo(Instant.parse("2026-12-04T01:13:00.124Z"));
        wall.set(Instant.parse("2026-12-04T01:13:30.124Z")); // 30 s after the anchor: 30 minutes of market time
        assertThat(clock.instant()).isEqualTo(ny("2026-11-30", 10, 0));
    }

    @Test
    void aStartOnAClosedDayIsRefusedWithTheNextSession() {
        assertThatThrownBy(() -> SimClockSetting.parse("2026-11-28T10:00", null))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.field()).isEqualTo(Field.CLOCK))
                .hasMessageContaining("2026-11-28T10:00 is on a Saturday, when the exchange is closed")
                .hasMessageContaining("e.g. 2026-11-30T09:30");
        assertThatThrownBy(() -> SimClockSetting.parse("2026-11-26T10:00", null)) // Thanksgiving
                .hasMessageContaining("an exchange holiday").hasMessageContaining("e.g. 2026-11-27T09:30");
    }

    @Test
    void aStartOutsideTheSessionIsRefusedWithTheSessionsHours() {
        assertThatThrownBy(() -> SimClockSetting.parse("2026-11-30T20:13", null))
                .hasMessageContaining("is outside the session of 2026-11-30 (09:30–16:00 New York)")
                .hasMessageContaining("e.g. 2026-12-01T09:30");
        assertThatThrownBy(() -> SimClockSetting.parse("2026-11-30T09:29", null))
                .hasMessageContaining("e.g. 2026-11-30T09:30");
        // the day after Thanksgiving closes at 13:00
        assertThatThrownBy(() -> SimClockSetting.parse("2026-11-27T13:30", null))
                .hasMessageContaining("(09:30–13:00 New York)");
    }

    @Test
    void badTextAndBadSpeedsNameWhatIsAllowed() {
        assertThatThrownBy(() -> SimClockSetting.parse("tomorrow", null))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.problem())
                        .isEqualTo("'tomorrow' is neither wall nor a New York time (allowed: wall, or a New York "
                                + "time inside a session such as 2026-11-30T09:30)"));
        assertThatThrownBy(() -> SimClockSetting.parse("2026-11-30T09:30", 0.5))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.field()).isEqualTo(Field.SPEED))
                .hasMessageContaining("must be between 1 and 1000");
        assertThatThrownBy(() -> SimClockSetting.parse("2026-11-30T09:30", 5000.0))
                .hasMessageContaining("was 5000");
        assertThatThrownBy(() -> SimClockSetting.parse("wall", 60.0))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.field()).isEqualTo(Field.SPEED))
                .hasMessageContaining("applies to a replay clock only");
    }
}
